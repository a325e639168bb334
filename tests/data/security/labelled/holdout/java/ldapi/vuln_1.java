import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class BenchmarkCaseLdapiVuln1 extends HttpServlet {
    @Override
    public void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        response.setContentType("text/html;charset=UTF-8");
        String param = request.getParameter("user");
        if (param == null) param = "";
        String bar = new StringBuilder(param).append("").toString();
        try {
            javax.naming.directory.DirContext ctx = new javax.naming.directory.InitialDirContext();
            String base = "ou=users,dc=example,dc=com";
            String filter = "(&(objectclass=person)(uid=" + bar + "))";
            javax.naming.directory.SearchControls sc = new javax.naming.directory.SearchControls();
            ctx.search(base, filter, sc);
        } catch (javax.naming.NamingException e) {
            throw new ServletException(e);
        }
    }
}
