import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class H3Sqlisafe2 extends HttpServlet {
    private org.springframework.jdbc.core.JdbcTemplate jdbcTemplate;

    public void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String owner = request.getParameter("owner");
        Long n = jdbcTemplate.queryForObject("SELECT COUNT(*) FROM orders WHERE owner = ?", Long.class, owner);
        response.getWriter().println(n);
    }
}
