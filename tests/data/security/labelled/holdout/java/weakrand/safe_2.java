import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class BenchmarkCaseWeakrandSafe2 extends HttpServlet {
    @Override
    public void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        response.setContentType("text/html;charset=UTF-8");
        java.security.SecureRandom rnd = new java.security.SecureRandom();
        int value = rnd.nextInt(99);
        String rememberMeKey = Integer.toString(value);
        response.getWriter().println("ok " + rememberMeKey.length());
    }
}
