import java.io.*;
import java.sql.*;
import javax.servlet.http.*;

public class Case {
    public void list(HttpServletRequest req, Connection conn) throws Exception {
        String sort = "name";
        for (Cookie c : req.getCookies()) {
            if ("sort".equals(c.getName())) { sort = c.getValue(); }
        }
        PreparedStatement ps = conn.prepareStatement("SELECT name FROM items ORDER BY " + sort);
        ps.execute();
    }
}
