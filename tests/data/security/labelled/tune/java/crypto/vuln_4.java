import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class TuneCryptoVuln4 extends HttpServlet {
    public void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        try {
            String mode = "Blowfish";
            javax.crypto.KeyGenerator kg = javax.crypto.KeyGenerator.getInstance(mode);
            resp.getWriter().println(kg.generateKey().getEncoded().length);
        } catch (java.security.GeneralSecurityException e) { throw new ServletException(e); }
    }
}
