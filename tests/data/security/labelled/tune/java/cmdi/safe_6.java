import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class TuneCmdiSafe6 extends HttpServlet {
    public void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String param = req.getParameter("target");
        String bar = org.owasp.esapi.ESAPI.encoder().encodeForOS(new org.owasp.esapi.codecs.UnixCodec(), param);
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", "host " + bar);
        pb.start();
    }
}
