import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class Round2Xssvuln2 extends HttpServlet {
    @Override
    public void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String param = request.getHeader("X-Note");
        java.io.PrintWriter out = response.getWriter();
        out.println("<p>" + param + "</p>");
    }
}
