import java.io.*;
import java.sql.*;
import javax.servlet.http.*;

public class Case {
    public void remember(HttpServletRequest req) {
        String pref = req.getParameter("theme");
        req.getSession().setAttribute("theme", "dark");
    }
}
