import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class BenchmarkCasePathtraverVuln2 extends HttpServlet {
    @Override
    public void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        response.setContentType("text/html;charset=UTF-8");
        Map<String, String[]> map = request.getParameterMap();
        String param = "";
        String[] vals = map.get("doc");
        if (vals != null) param = vals[0];
        HashMap<String, Object> m = new HashMap<String, Object>();
        m.put("keyA", "a-Value");
        m.put("keyB", param);
        String bar = (String) m.get("keyB");
        java.nio.file.Path p = java.nio.file.Paths.get("/var/app/data", bar);
        byte[] data = java.nio.file.Files.readAllBytes(p);
        response.getOutputStream().write(data);
    }
}
