import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class TuneCmdiSafe5 extends HttpServlet {
    public void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String v = req.getParameter("dir");
        String bar;
        int num = 42;
        if ((3 * 50) + num > 100) bar = "fixed-dir";
        else bar = v;
        Runtime.getRuntime().exec("ls " + bar);
    }
}
