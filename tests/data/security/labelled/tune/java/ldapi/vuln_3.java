import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class TuneLdapiVuln3 extends HttpServlet {
    public void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String v = req.getHeader("X-Uid");
        try {
            javax.naming.directory.DirContext ctx = new javax.naming.directory.InitialDirContext();
            String filter = "(cn=" + v + ")";
            ctx.search("dc=x", filter, new Object[0], new javax.naming.directory.SearchControls());
        } catch (javax.naming.NamingException e) { throw new ServletException(e); }
    }
}
