import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class TuneCmdiVuln6 extends HttpServlet {
    public void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String param = "";
        Enumeration<String> names = req.getParameterNames();
        while (names.hasMoreElements()) {
            String name = names.nextElement();
            String[] vals = req.getParameterValues(name);
            if (vals != null && "target".equals(name)) param = vals[0];
        }
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", "host " + param);
        pb.start();
    }
}
