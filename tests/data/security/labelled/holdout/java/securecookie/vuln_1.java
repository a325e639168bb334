import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class BenchmarkCaseSecurecookieVuln1 extends HttpServlet {
    @Override
    public void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        response.setContentType("text/html;charset=UTF-8");
        String param = request.getParameter("pref");
        if (param == null) param = "";
        String str = param.isEmpty() ? "No cookie value supplied" : param;
        Cookie cookie = new Cookie("SomeCookie", str);
        cookie.setPath(request.getRequestURI());
        cookie.setHttpOnly(true);
        response.addCookie(cookie);
    }
}
