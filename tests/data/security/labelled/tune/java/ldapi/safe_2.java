import java.io.*;
import java.sql.*;
import javax.servlet.http.*;

public class Case {
    public void find(HttpServletRequest req, javax.naming.directory.InitialDirContext ctx) throws Exception {
        String mail = req.getHeader("X-Mail");
        String filter = "(mail=" + org.owasp.esapi.ESAPI.encoder().encodeForLDAP(mail) + ")";
        ctx.search("dc=example", filter, new javax.naming.directory.SearchControls());
    }
}
