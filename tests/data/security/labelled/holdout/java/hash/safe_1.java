import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class BenchmarkCaseHashSafe1 extends HttpServlet {
    @Override
    public void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        response.setContentType("text/html;charset=UTF-8");
        String param = request.getParameter("pw");
        if (param == null) param = "";
        try {
            String algorithm = "SHA-256";
            java.security.MessageDigest md = java.security.MessageDigest.getInstance(algorithm);
            md.update(param.getBytes());
            response.getWriter().println(md.digest().length);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new ServletException(e);
        }
    }
}
