import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class TuneR3Pathvuln6 extends HttpServlet {
    public void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String name = req.getParameter("f");
        String mode = "MNO";
        char m = mode.charAt(1);
        String target;
        switch (m) {
            case 'M': target = "index.txt"; break;
            case 'N': target = name; break;
            default: target = "index.txt"; break;
        }
        resp.getWriter().println(new java.io.File("/srv/data", target).exists());
    }
}
