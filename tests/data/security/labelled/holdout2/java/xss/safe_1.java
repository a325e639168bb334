import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class Round2Xsssafe1 extends HttpServlet {
    @Override
    public void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String param = request.getParameter("title");
        StringBuilder sb = new StringBuilder();
        sb.append("<h2>").append(org.owasp.esapi.ESAPI.encoder().encodeForHTML(param)).append("</h2>");
        response.getWriter().println(sb.toString());
    }
}
