import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class BenchmarkCaseWeakrandVuln1 extends HttpServlet {
    @Override
    public void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        response.setContentType("text/html;charset=UTF-8");
        double value = Math.random();
        String rememberMeKey = Double.toString(value).substring(2);
        Cookie rememberMe = new Cookie("rememberMe", rememberMeKey);
        rememberMe.setSecure(true);
        rememberMe.setHttpOnly(true);
        response.addCookie(rememberMe);
    }
}
