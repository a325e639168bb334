import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class TuneXssSafe6 extends HttpServlet {
    public void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String param = req.getHeader("Referer");
        String bar = "a".equals(param) ? "x" : "y";
        int num = 3;
        String shown = (7 * 18) + num > 200 ? param : bar;
        resp.getWriter().write(shown);
    }
}
