import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class BenchmarkCaseSqliSafe1 extends HttpServlet {
    @Override
    public void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        response.setContentType("text/html;charset=UTF-8");
        String param = request.getParameter("owner");
        if (param == null) param = "";
        String sql = "SELECT * FROM accounts WHERE owner = ?";
        try {
            java.sql.Connection conn = java.sql.DriverManager.getConnection("jdbc:h2:mem:x");
            java.sql.PreparedStatement ps = conn.prepareStatement(sql);
            ps.setString(1, param);
            ps.execute();
        } catch (java.sql.SQLException e) {
            throw new ServletException(e);
        }
    }
}
