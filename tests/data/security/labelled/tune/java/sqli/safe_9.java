import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class TuneR3Sqlisafe9 extends HttpServlet {
    private org.springframework.jdbc.core.JdbcTemplate template;

    public void doPost(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String id = req.getParameter("id");
        template.update("DELETE FROM t WHERE id = ?", id);
        template.batchUpdate("DELETE FROM audit WHERE ref = ?", java.util.Collections.singletonList(new Object[] {id}));
        resp.getWriter().println("done");
    }
}
