import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class BenchmarkCasePathtraverSafe1 extends HttpServlet {
    @Override
    public void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        response.setContentType("text/html;charset=UTF-8");
        String param = request.getHeader("X-File");
        if (param == null) param = "";
        String bar = new File(param).getName();
        File f = new File("/var/app/data", bar);
        response.getWriter().println(f.exists());
    }
}
