import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class TuneR2Xsssafe8 extends HttpServlet {
    public void doPost(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String v = req.getParameter("n");
        javax.servlet.ServletOutputStream out = resp.getOutputStream();
        out.print("<b>" + v.length() + "</b>");
    }
}
