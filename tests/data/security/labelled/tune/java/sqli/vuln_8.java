import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class TuneR3Sqlivuln8 extends HttpServlet {
    private org.springframework.jdbc.core.JdbcTemplate template;

    public void doPost(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String id = req.getParameter("id");
        int rows = template.queryForInt("SELECT COUNT(*) FROM t WHERE id = " + id);
        template.update("DELETE FROM t WHERE id = " + id);
        resp.getWriter().println(rows);
    }
}
