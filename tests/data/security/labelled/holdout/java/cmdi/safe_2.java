import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class BenchmarkCaseCmdiSafe2 extends HttpServlet {
    @Override
    public void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        response.setContentType("text/html;charset=UTF-8");
        String param = request.getHeader("X-Target");
        if (param == null) param = "";
        HashMap<String, Object> map = new HashMap<String, Object>();
        map.put("keyA", "a-Value");
        map.put("keyB", param);
        map.put("keyC", "another-Value");
        String bar = (String) map.get("keyA");
        String[] cmd = {"echo", bar};
        Runtime.getRuntime().exec(cmd);
    }
}
