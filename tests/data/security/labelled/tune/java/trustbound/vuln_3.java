import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class TuneTrustboundVuln3 extends HttpServlet {
    public void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String v = req.getParameter("name");
        Map<String, String> m = new HashMap<>();
        m.put("k", v);
        HttpSession s = req.getSession();
        s.setAttribute("name", m.get("k"));
    }
}
