import java.io.*;
import java.sql.*;
import javax.servlet.http.*;

public class Case {
    public void greet(HttpServletRequest req, HttpServletResponse resp) throws Exception {
        String who = req.getParameter("name");
        String clean = org.owasp.esapi.ESAPI.encoder().encodeForHTML(who);
        resp.getWriter().println("<p>Hello " + clean + "</p>");
    }
}
