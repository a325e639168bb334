import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class TuneXssSafe5 extends HttpServlet {
    public void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String v = req.getParameter("q");
        String bar = org.owasp.encoder.Encode.forHtml(v);
        resp.getWriter().write("<b>" + bar + "</b>");
    }
}
