import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class TuneSecurecookieVuln3 extends HttpServlet {
    public void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        Cookie c = new Cookie("pref", "dark");
        c.setHttpOnly(true);
        c.setSecure(false);
        resp.addCookie(c);
    }
}
