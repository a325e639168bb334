import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class BenchmarkCasePathtraverVuln1 extends HttpServlet {
    @Override
    public void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        response.setContentType("text/html;charset=UTF-8");
        String param = request.getHeader("X-File");
        if (param == null) param = "";
        param = java.net.URLDecoder.decode(param, "UTF-8");
        String bar = helper(param);
        String fileName = "/var/app/data/" + bar;
        try (FileInputStream fis = new FileInputStream(fileName)) {
            response.getOutputStream().write(fis.read());
        }
    }

    private String helper(String param) {
        String a = param;
        return a;
    }
}
