import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class TuneSqliSafe5 extends HttpServlet {
    public void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String v = req.getParameter("id");
        String bar = "";
        switch ("A".charAt(0)) {
            case 'A': bar = "fixed"; break;
            case 'B': bar = v; break;
            default: bar = "fixed"; break;
        }
        bar = "constant";
        try {
            java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:x");
            c.createStatement().execute("SELECT * FROM t WHERE id='" + bar + "'");
        } catch (java.sql.SQLException e) { throw new ServletException(e); }
    }
}
