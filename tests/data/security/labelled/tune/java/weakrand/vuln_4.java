import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class TuneWeakrandVuln4 extends HttpServlet {
    public void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        float f = new java.util.Random().nextFloat();
        String token = Float.toString(f).substring(2);
        req.getSession().setAttribute("token", token);
    }
}
