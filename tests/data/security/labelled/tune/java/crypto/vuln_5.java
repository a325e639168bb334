import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class TuneR2Cryptovuln5 extends HttpServlet {
    public void doPost(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        try {
            String transformation = "AES";
            javax.crypto.Cipher c = javax.crypto.Cipher.getInstance(transformation);
            resp.getWriter().println(c.getBlockSize());
        } catch (java.security.GeneralSecurityException e) { throw new ServletException(e); }
    }
}
