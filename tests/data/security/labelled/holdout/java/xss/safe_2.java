import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class BenchmarkCaseXssSafe2 extends HttpServlet {
    @Override
    public void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        response.setContentType("text/html;charset=UTF-8");
        String param = request.getParameter("name");
        if (param == null) param = "";
        String bar;
        String guess = "ABC";
        char switchTarget = guess.charAt(2);
        switch (switchTarget) {
            case 'A': bar = param; break;
            case 'B': bar = "bob"; break;
            case 'C':
            case 'D': bar = param; break;
            default: bar = "bob's your uncle"; break;
        }
        bar = "constant";
        response.getWriter().println("<p>" + bar + "</p>");
    }
}
