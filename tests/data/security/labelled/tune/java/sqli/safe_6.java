import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class TuneSqliSafe6 extends HttpServlet {
    public void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String param = req.getParameter("id");
        String bar = org.owasp.esapi.ESAPI.encoder().encodeForSQL(new org.owasp.esapi.codecs.MySQLCodec(org.owasp.esapi.codecs.MySQLCodec.Mode.STANDARD), param);
        try {
            java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:x");
            c.createStatement().executeUpdate("UPDATE t SET seen=1 WHERE id='" + bar + "'");
        } catch (java.sql.SQLException e) { throw new ServletException(e); }
    }
}
