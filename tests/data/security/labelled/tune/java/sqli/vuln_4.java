import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class TuneSqliVuln4 extends HttpServlet {
    public void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String v = req.getParameter("id");
        List<String> l = new ArrayList<>();
        l.add("fixed");
        l.add(v);
        l.remove(0);
        String bar = l.get(0);
        try {
            java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:x");
            c.createStatement().executeQuery("SELECT * FROM t WHERE id='" + bar + "'");
        } catch (java.sql.SQLException e) { throw new ServletException(e); }
    }
}
