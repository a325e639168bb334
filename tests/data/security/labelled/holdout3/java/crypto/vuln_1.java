import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class H3Cryptovuln1 extends HttpServlet {
    public void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        try {
            javax.crypto.SecretKey k = javax.crypto.KeyGenerator.getInstance("DES").generateKey();
            javax.crypto.Cipher enc = javax.crypto.Cipher.getInstance("DES/CBC/PKCS5Padding");
            enc.init(javax.crypto.Cipher.ENCRYPT_MODE, k);
            response.getOutputStream().write(enc.doFinal(request.getParameter("v").getBytes()));
        } catch (java.security.GeneralSecurityException e) { throw new ServletException(e); }
    }
}
