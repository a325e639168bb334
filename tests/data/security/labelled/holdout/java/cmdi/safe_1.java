import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class BenchmarkCaseCmdiSafe1 extends HttpServlet {
    @Override
    public void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        response.setContentType("text/html;charset=UTF-8");
        String param = request.getParameter("host");
        if (param == null) param = "";
        String bar;
        int num = 106;
        if ((7 * 18) + num > 200) {
            bar = "This_should_always_happen";
        } else {
            bar = param;
        }
        Process p = Runtime.getRuntime().exec("echo " + bar);
        p.getInputStream().close();
    }
}
