import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class BenchmarkCaseSqliVuln1 extends HttpServlet {
    @Override
    public void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        response.setContentType("text/html;charset=UTF-8");
        String param = "";
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if ("account".equals(c.getName())) {
                    param = java.net.URLDecoder.decode(c.getValue(), "UTF-8");
                    break;
                }
            }
        }
        String bar = param.isEmpty() ? "none" : param;
        String sql = "SELECT * FROM accounts WHERE owner='" + bar + "'";
        try {
            java.sql.Connection conn = java.sql.DriverManager.getConnection("jdbc:h2:mem:x");
            java.sql.Statement st = conn.createStatement();
            st.execute(sql);
        } catch (java.sql.SQLException e) {
            throw new ServletException(e);
        }
    }
}
