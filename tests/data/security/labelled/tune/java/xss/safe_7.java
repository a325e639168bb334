import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class TuneR2Xsssafe7 extends HttpServlet {
    public void doPost(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String v = req.getParameter("n");
        StringBuilder html = new StringBuilder("<ul>");
        html.append("<li>").append(Encode.forHtml(v)).append("</li>");
        resp.getWriter().write(html.toString());
    }
}
