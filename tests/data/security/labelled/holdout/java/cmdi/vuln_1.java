import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class BenchmarkCaseCmdiVuln1 extends HttpServlet {
    @Override
    public void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        response.setContentType("text/html;charset=UTF-8");
        String param = "";
        Enumeration<String> names = request.getHeaders("X-Target");
        if (names != null && names.hasMoreElements()) {
            param = names.nextElement();
        }
        param = java.net.URLDecoder.decode(param, "UTF-8");
        String bar = doSomething(param);
        String[] args = {"sh", "-c", "nslookup " + bar};
        Process p = Runtime.getRuntime().exec(args);
        p.getInputStream().close();
    }

    private static String doSomething(String param) {
        StringBuilder sb = new StringBuilder(param);
        return sb.toString().trim();
    }
}
