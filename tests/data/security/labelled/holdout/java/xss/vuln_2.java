import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class BenchmarkCaseXssVuln2 extends HttpServlet {
    @Override
    public void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        response.setContentType("text/html;charset=UTF-8");
        String param = "";
        Enumeration<String> names = request.getHeaderNames();
        while (names.hasMoreElements()) {
            String name = names.nextElement();
            if (name.startsWith("X-")) {
                param = request.getHeader(name);
                break;
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append("<p>").append(param).append("</p>");
        java.io.PrintWriter out = response.getWriter();
        out.write(sb.toString());
    }
}
