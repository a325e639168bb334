import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class H3Ldapivuln1 extends HttpServlet {
    public void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String who = request.getParameter("who");
        String pick = "XYZ";
        char sel = pick.charAt(0);
        String uid;
        switch (sel) {
            case 'X':
                uid = who;
                break;
            case 'Y':
                uid = "guest";
                break;
            default:
                uid = "nobody";
        }
        try {
            javax.naming.directory.DirContext ctx = new javax.naming.directory.InitialDirContext();
            ctx.search("ou=people", "(uid=" + uid + ")", new javax.naming.directory.SearchControls());
        } catch (javax.naming.NamingException e) { throw new ServletException(e); }
    }
}
