import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class TuneCryptoSafe4 extends HttpServlet {
    public void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        try {
            String mode = "AES/CBC/PKCS5Padding";
            javax.crypto.Cipher c = javax.crypto.Cipher.getInstance(mode);
            resp.getWriter().println(c.getBlockSize());
        } catch (java.security.GeneralSecurityException e) { throw new ServletException(e); }
    }
}
