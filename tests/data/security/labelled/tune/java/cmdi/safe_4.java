import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class TuneCmdiSafe4 extends HttpServlet {
    public void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String v = req.getParameter("dir");
        Map<String, String> m = new HashMap<>();
        m.put("one", "x");
        m.put("two", v);
        String bar = m.get("one");
        Runtime.getRuntime().exec(new String[] {"sh", "-c", "ls " + bar});
    }
}
