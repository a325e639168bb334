import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class BenchmarkCaseSecurecookieSafe2 extends HttpServlet {
    @Override
    public void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        response.setContentType("text/html;charset=UTF-8");
        Cookie session = new Cookie("session", UUID.randomUUID().toString());
        session.setMaxAge(3600);
        session.setHttpOnly(true);
        session.setSecure(true);
        response.addCookie(session);
    }
}
