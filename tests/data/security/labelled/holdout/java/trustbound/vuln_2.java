import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class BenchmarkCaseTrustboundVuln2 extends HttpServlet {
    @Override
    public void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        response.setContentType("text/html;charset=UTF-8");
        String param = "";
        Enumeration<String> values = request.getHeaders("X-Name");
        if (values != null && values.hasMoreElements()) param = values.nextElement();
        HttpSession session = request.getSession(true);
        session.putValue(param, "10340");
        response.getWriter().println("saved");
    }
}
