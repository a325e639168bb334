import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class TuneXssVuln4 extends HttpServlet {
    public void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String v = req.getQueryString();
        String bar = v == null ? "" : v;
        resp.getWriter().format("<b>%s</b>", bar);
    }
}
