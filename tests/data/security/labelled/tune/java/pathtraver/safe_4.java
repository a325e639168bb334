import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class TunePathtraverSafe4 extends HttpServlet {
    public void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String v = req.getParameter("f");
        String bar;
        int num = 100;
        if ((7 * 18) + num > 200) bar = "default.txt";
        else bar = v;
        new FileInputStream("/data/" + bar).close();
    }
}
