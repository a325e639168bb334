import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class BenchmarkCaseSecurecookieVuln2 extends HttpServlet {
    @Override
    public void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        response.setContentType("text/html;charset=UTF-8");
        Cookie session = new Cookie("session", UUID.randomUUID().toString());
        boolean secure = false;
        session.setSecure(secure);
        session.setMaxAge(3600);
        response.addCookie(session);
    }
}
