import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class TuneHashVuln4 extends HttpServlet {
    public void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        try {
            String alg = "SHA-1";
            java.security.MessageDigest md = java.security.MessageDigest.getInstance(alg, "SUN");
            resp.getWriter().println(md.getDigestLength());
        } catch (java.security.GeneralSecurityException e) { throw new ServletException(e); }
    }
}
