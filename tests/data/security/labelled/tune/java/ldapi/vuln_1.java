import java.io.*;
import java.sql.*;
import javax.servlet.http.*;

public class Case {
    public void find(HttpServletRequest req, javax.naming.directory.DirContext ctx) throws Exception {
        String uid = req.getParameter("uid");
        String filter = "(&(objectClass=person)(uid=" + uid + "))";
        ctx.search("ou=people,dc=example", filter, new javax.naming.directory.SearchControls());
    }
}
