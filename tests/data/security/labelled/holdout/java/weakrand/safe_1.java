import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class BenchmarkCaseWeakrandSafe1 extends HttpServlet {
    @Override
    public void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        response.setContentType("text/html;charset=UTF-8");
        try {
            java.security.SecureRandom rnd = java.security.SecureRandom.getInstance("SHA1PRNG");
            byte[] token = new byte[32];
            rnd.nextBytes(token);
            request.getSession().setAttribute("csrf", Base64.getEncoder().encodeToString(token));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new ServletException(e);
        }
    }
}
