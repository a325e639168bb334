import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class BenchmarkCaseSqliSafe2 extends HttpServlet {
    @Override
    public void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        response.setContentType("text/html;charset=UTF-8");
        String param = request.getHeader("X-Owner");
        if (param == null) param = "";
        String bar;
        int num = 86;
        if ((7 * 42) - num > 200) {
            bar = "This_should_always_happen";
        } else {
            bar = param;
        }
        String sql = "SELECT * FROM accounts WHERE owner='" + bar + "'";
        try {
            java.sql.Connection conn = java.sql.DriverManager.getConnection("jdbc:h2:mem:x");
            conn.createStatement().executeQuery(sql);
        } catch (java.sql.SQLException e) {
            throw new ServletException(e);
        }
    }
}
