import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class BenchmarkCaseCryptoSafe2 extends HttpServlet {
    @Override
    public void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        response.setContentType("text/html;charset=UTF-8");
        try {
            Properties props = new Properties();
            props.load(getClass().getResourceAsStream("/app.properties"));
            String alg = props.getProperty("cryptoAlg2", "AES/CCM/NoPadding");
            javax.crypto.Cipher c = javax.crypto.Cipher.getInstance(alg);
            response.getWriter().println(c.getBlockSize());
        } catch (java.security.GeneralSecurityException e) {
            throw new ServletException(e);
        }
    }
}
