import java.io.*;
import java.sql.*;
import javax.servlet.http.*;

public class Case {
    public void login(HttpServletResponse resp, String token) {
        Cookie c = new Cookie("session", token);
        c.setSecure(false);
        c.setHttpOnly(true);
        resp.addCookie(c);
    }
}
