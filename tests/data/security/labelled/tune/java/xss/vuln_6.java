import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class TuneXssVuln6 extends HttpServlet {
    public void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String param = "";
        Enumeration<String> hs = req.getHeaders("Referer");
        if (hs != null && hs.hasMoreElements()) param = hs.nextElement();
        param = java.net.URLDecoder.decode(param, "UTF-8");
        byte[] decoded = Base64.getDecoder().decode(Base64.getEncoder().encode(param.getBytes()));
        resp.getWriter().write(new String(decoded));
    }
}
