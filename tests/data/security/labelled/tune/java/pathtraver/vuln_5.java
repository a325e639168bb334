import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class TuneR2Pathtravervuln5 extends HttpServlet {
    public void doPost(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String v = req.getParameter("f");
        String[] parts = new String[] {"default.txt", v, "other.txt"};
        String name = parts[1];
        new FileInputStream("/data/" + name).close();
    }
}
