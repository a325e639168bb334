import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class TuneSqliVuln5 extends HttpServlet {
    public void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String v = req.getParameter("id");
        String sql = String.format("SELECT * FROM t WHERE id='%s'", v);
        try {
            java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:x");
            java.sql.CallableStatement cs = c.prepareCall(sql);
            cs.execute();
        } catch (java.sql.SQLException e) { throw new ServletException(e); }
    }
}
