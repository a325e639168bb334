import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class H3Sqlivuln2 extends HttpServlet {
    public void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String tag = request.getHeader("X-Tag");
        String sql = "UPDATE items SET tag = '" + tag + "' WHERE id = 1";
        org.springframework.jdbc.core.JdbcTemplate tpl = AppDb.template();
        tpl.batchUpdate(sql);
        response.getWriter().println("ok");
    }
}
