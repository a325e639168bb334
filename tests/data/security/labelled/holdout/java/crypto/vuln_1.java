import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class BenchmarkCaseCryptoVuln1 extends HttpServlet {
    @Override
    public void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        response.setContentType("text/html;charset=UTF-8");
        String param = request.getParameter("data");
        if (param == null) param = "";
        try {
            String algorithm = "DES/CBC/PKCS5Padding";
            javax.crypto.Cipher c = javax.crypto.Cipher.getInstance(algorithm);
            javax.crypto.SecretKey key = javax.crypto.KeyGenerator.getInstance("DES").generateKey();
            c.init(javax.crypto.Cipher.ENCRYPT_MODE, key);
            response.getOutputStream().write(c.doFinal(param.getBytes()));
        } catch (java.security.GeneralSecurityException e) {
            throw new ServletException(e);
        }
    }
}
