import java.io.*;
import java.sql.*;
import javax.servlet.http.*;

public class Case {
    public void find(HttpServletRequest req, javax.naming.directory.InitialDirContext ctx) throws Exception {
        String mail = req.getHeader("X-Mail");
        Object[] args = {};
        ctx.search("dc=example", "(mail=" + mail + ")", args, new javax.naming.directory.SearchControls());
    }
}
