import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class BenchmarkCasePathtraverSafe2 extends HttpServlet {
    @Override
    public void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        response.setContentType("text/html;charset=UTF-8");
        String param = request.getParameter("doc");
        if (param == null) param = "";
        String bar = "alsosafe";
        List<String> list = new ArrayList<String>();
        list.add("safe");
        list.add(param);
        list.add("moresafe");
        list.remove(0);
        bar = list.get(1);
        File f = new File("/var/app/data/" + bar);
        response.getWriter().println(f.exists());
    }
}
