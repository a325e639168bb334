import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class TuneSecurecookieSafe3 extends HttpServlet {
    public void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String v = req.getParameter("pref");
        Cookie c = new Cookie("pref", v == null ? "x" : "y");
        c.setSecure(true);
        resp.addCookie(c);
    }
}
