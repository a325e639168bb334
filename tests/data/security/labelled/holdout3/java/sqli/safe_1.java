import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class H3Sqlisafe1 extends HttpServlet {
    public void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String body = request.getParameter("body");
        try {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            digest.update(body.getBytes("UTF-8"));
            response.getWriter().println(java.util.Base64.getEncoder().encodeToString(digest.digest()));
        } catch (java.security.NoSuchAlgorithmException e) { throw new ServletException(e); }
    }
}
