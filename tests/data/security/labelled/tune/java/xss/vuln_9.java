import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class TuneR3Xssvuln9 extends HttpServlet {
    public void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String q = req.getParameter("q");
        String k = "UVW";
        char pick = k.charAt(1);
        String shown = "nothing to show";
        switch (pick) {
            case 'U':
            case 'V':
                shown = q;
                break;
            case 'W':
                shown = "nothing to show";
                break;
        }
        resp.getWriter().println("<p>" + shown + "</p>");
    }
}
