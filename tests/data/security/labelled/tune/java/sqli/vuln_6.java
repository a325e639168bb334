import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class TuneSqliVuln6 extends HttpServlet {
    public void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String[] values = req.getParameterValues("id");
        String param = values != null && values.length > 0 ? values[0] : "";
        String bar = new Inner().pass(param);
        try {
            java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:x");
            c.createStatement().executeUpdate("UPDATE t SET seen=1 WHERE id=" + bar);
        } catch (java.sql.SQLException e) { throw new ServletException(e); }
    }

    private class Inner {
        String pass(String p) { return p; }
    }
}
