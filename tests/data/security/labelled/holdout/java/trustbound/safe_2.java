import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class BenchmarkCaseTrustboundSafe2 extends HttpServlet {
    @Override
    public void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        response.setContentType("text/html;charset=UTF-8");
        String param = request.getParameter("role");
        if (param == null) param = "";
        boolean admin = "admin".equals(param);
        request.getSession().setAttribute("isAdmin", admin ? "yes" : "no");
    }
}
