import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class TuneWeakrandSafe4 extends HttpServlet {
    public void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        byte[] b = new byte[16];
        new java.security.SecureRandom().nextBytes(b);
        req.getSession().setAttribute("token", Base64.getEncoder().encodeToString(b));
    }
}
