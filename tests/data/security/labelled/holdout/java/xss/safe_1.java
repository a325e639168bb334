import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class BenchmarkCaseXssSafe1 extends HttpServlet {
    @Override
    public void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        response.setContentType("text/html;charset=UTF-8");
        String param = request.getParameter("name");
        if (param == null) param = "";
        String bar = org.owasp.esapi.ESAPI.encoder().encodeForHTML(param);
        response.getWriter().print("<p>" + bar + "</p>");
    }
}
