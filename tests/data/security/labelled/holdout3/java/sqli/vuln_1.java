import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class H3Sqlivuln1 extends HttpServlet {
    private org.springframework.jdbc.core.JdbcTemplate jdbcTemplate;

    public void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String owner = request.getParameter("owner");
        long n = jdbcTemplate.queryForLong("SELECT COUNT(*) FROM orders WHERE owner = '" + owner + "'");
        response.getWriter().println(n);
    }
}
