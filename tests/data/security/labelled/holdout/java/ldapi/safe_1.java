import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class BenchmarkCaseLdapiSafe1 extends HttpServlet {
    @Override
    public void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        response.setContentType("text/html;charset=UTF-8");
        String param = request.getParameter("user");
        if (param == null) param = "";
        try {
            javax.naming.directory.DirContext ctx = new javax.naming.directory.InitialDirContext();
            javax.naming.directory.SearchControls sc = new javax.naming.directory.SearchControls();
            ctx.search("dc=example,dc=com", "(uid={0})", new Object[] {param}, sc);
        } catch (javax.naming.NamingException e) {
            throw new ServletException(e);
        }
    }
}
