import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class TuneR2Sqlivuln7 extends HttpServlet {
    public void doPost(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String v = req.getParameter("q");
        String bar = new Fixer().fix(v);
        try {
            java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:x");
            c.createStatement().execute("SELECT * FROM t WHERE q='" + bar + "'");
        } catch (java.sql.SQLException e) { throw new ServletException(e); }
    }

    static class Fixer {
        String fix(String in) {
            return in.trim();
        }
    }
}
