import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class TuneR2Cmdivuln7 extends HttpServlet {
    public void doPost(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String v = req.getParameter("d");
        String out = process(v);
        Runtime.getRuntime().exec("ls " + out);
    }

    private static String process(String s) {
        String r = s;
        return r;
    }
}
