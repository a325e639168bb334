import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class BenchmarkCaseCryptoVuln2 extends HttpServlet {
    @Override
    public void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        response.setContentType("text/html;charset=UTF-8");
        String param = request.getParameter("data");
        if (param == null) param = "";
        try {
            Properties props = new Properties();
            props.load(getClass().getResourceAsStream("/app.properties"));
            String alg = props.getProperty("cryptoAlg1", "DESede/ECB/PKCS5Padding");
            javax.crypto.Cipher c = javax.crypto.Cipher.getInstance(alg, "SunJCE");
            response.getWriter().println(c.getBlockSize());
        } catch (java.security.GeneralSecurityException e) {
            throw new ServletException(e);
        }
    }
}
