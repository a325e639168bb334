import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class BenchmarkCaseLdapiVuln2 extends HttpServlet {
    @Override
    public void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        response.setContentType("text/html;charset=UTF-8");
        String param = "";
        Enumeration<String> headers = request.getHeaders("X-User");
        if (headers != null && headers.hasMoreElements()) param = headers.nextElement();
        String bar = param;
        if (param != null && param.length() > 1) {
            bar = param.substring(0, param.length() - 1);
        }
        try {
            javax.naming.directory.DirContext ctx = new javax.naming.directory.InitialDirContext();
            javax.naming.directory.SearchControls sc = new javax.naming.directory.SearchControls();
            String filter = "(uid=" + bar + ")";
            ctx.search("dc=example,dc=com", filter, new Object[0], sc);
        } catch (javax.naming.NamingException e) {
            throw new ServletException(e);
        }
    }
}
