import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class Round2Cmdisafe1 extends HttpServlet {
    @Override
    public void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String param = request.getParameter("f");
        String[] arr = {"safe", param};
        String bar = arr[0];
        Runtime.getRuntime().exec("cat " + bar);
    }
}
