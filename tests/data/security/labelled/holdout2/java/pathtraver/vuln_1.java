import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class Round2Pathtravervuln1 extends HttpServlet {
    @Override
    public void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String param = request.getParameter("f");
        String bar = param;
        int num = 7;
        if (num * 20 > 100) bar = param.trim();
        else bar = "default.txt";
        new FileReader(new File("/srv/" + bar)).close();
    }
}
