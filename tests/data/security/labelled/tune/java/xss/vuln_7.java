import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class TuneR2Xssvuln7 extends HttpServlet {
    public void doPost(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String v = req.getParameter("n");
        StringBuilder html = new StringBuilder("<ul>");
        html.append("<li>").append(v).append("</li>").append("</ul>");
        resp.getWriter().write(html.toString());
    }
}
