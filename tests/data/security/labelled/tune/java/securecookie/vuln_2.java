import java.io.*;
import java.sql.*;
import javax.servlet.http.*;

public class Case {
    public void login(HttpServletResponse resp, String token) {
        Cookie remember = new Cookie("remember", token);
        remember.setMaxAge(3600);
        resp.addCookie(remember);
    }
}
