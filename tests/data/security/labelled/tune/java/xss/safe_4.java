import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class TuneXssSafe4 extends HttpServlet {
    public void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String v = req.getParameter("q");
        List<String> l = new ArrayList<>();
        l.add("safe");
        l.add(v);
        l.add("alsosafe");
        l.remove(1);
        String bar = l.get(1);
        resp.getWriter().print("<b>" + bar + "</b>");
    }
}
