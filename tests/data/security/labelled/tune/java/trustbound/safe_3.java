import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class TuneTrustboundSafe3 extends HttpServlet {
    public void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String v = req.getParameter("name");
        String bar;
        int num = 106;
        if ((7 * 18) + num > 200) bar = "constant";
        else bar = v;
        req.getSession().setAttribute("name", bar);
    }
}
