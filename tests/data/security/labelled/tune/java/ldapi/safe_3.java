import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class TuneLdapiSafe3 extends HttpServlet {
    public void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String v = req.getHeader("X-Uid");
        Map<String, String> m = new HashMap<>();
        m.put("a", v);
        m.put("b", "nobody");
        String bar = m.get("b");
        try {
            javax.naming.directory.DirContext ctx = new javax.naming.directory.InitialDirContext();
            ctx.search("dc=x", "(cn=" + bar + ")", new javax.naming.directory.SearchControls());
        } catch (javax.naming.NamingException e) { throw new ServletException(e); }
    }
}
