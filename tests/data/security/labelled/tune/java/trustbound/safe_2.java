import java.io.*;
import java.sql.*;
import javax.servlet.http.*;

public class Case {
    public void remember(HttpServletRequest req) {
        String key = req.getHeader("X-Key");
        HttpSession s = req.getSession();
        s.setAttribute("visits", Integer.valueOf(3));
    }
}
