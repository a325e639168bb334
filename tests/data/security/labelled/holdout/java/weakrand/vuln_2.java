import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class BenchmarkCaseWeakrandVuln2 extends HttpServlet {
    @Override
    public void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        response.setContentType("text/html;charset=UTF-8");
        long seed = System.currentTimeMillis();
        Random gen = new Random(seed);
        int code = gen.nextInt(1000000);
        request.getSession().setAttribute("otp", Integer.toString(code));
    }
}
