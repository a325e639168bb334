import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class BenchmarkCaseTrustboundSafe1 extends HttpServlet {
    @Override
    public void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        response.setContentType("text/html;charset=UTF-8");
        String param = request.getParameter("role");
        if (param == null) param = "";
        String bar = "user";
        HashMap<String, Object> map = new HashMap<String, Object>();
        map.put("keyA", param);
        map.put("keyB", "guest");
        bar = (String) map.get("keyB");
        request.getSession().setAttribute("userRole", bar);
    }
}
