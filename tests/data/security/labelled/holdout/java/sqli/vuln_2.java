import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class BenchmarkCaseSqliVuln2 extends HttpServlet {
    @Override
    public void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        response.setContentType("text/html;charset=UTF-8");
        String queryString = request.getQueryString();
        String param = "";
        if (queryString != null) {
            int i = queryString.indexOf("id=");
            if (i >= 0) param = queryString.substring(i + 3);
        }
        String bar = "";
        switch ("B".charAt(0)) {
            case 'A': bar = "fixed"; break;
            case 'B': bar = param; break;
            default: bar = "fixed"; break;
        }
        String sql = String.format("DELETE FROM carts WHERE id = %s", bar);
        try {
            java.sql.Connection conn = java.sql.DriverManager.getConnection("jdbc:h2:mem:x");
            conn.prepareStatement(sql).executeUpdate();
        } catch (java.sql.SQLException e) {
            throw new ServletException(e);
        }
    }
}
