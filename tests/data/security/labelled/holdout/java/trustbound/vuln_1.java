import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class BenchmarkCaseTrustboundVuln1 extends HttpServlet {
    @Override
    public void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        response.setContentType("text/html;charset=UTF-8");
        String param = request.getParameter("role");
        if (param == null) param = "";
        String bar = helper(param);
        request.getSession().setAttribute("userRole", bar);
        response.getWriter().println("saved");
    }

    private String helper(String v) {
        return v.toLowerCase();
    }
}
