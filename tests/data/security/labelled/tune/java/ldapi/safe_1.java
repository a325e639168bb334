import java.io.*;
import java.sql.*;
import javax.servlet.http.*;

public class Case {
    public void find(HttpServletRequest req, javax.naming.directory.DirContext ctx) throws Exception {
        String uid = req.getParameter("uid");
        Object[] args = {uid};
        ctx.search("ou=people,dc=example", "(&(objectClass=person)(uid={0}))", args, new javax.naming.directory.SearchControls());
    }
}
