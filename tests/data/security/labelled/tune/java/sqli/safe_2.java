import java.io.*;
import java.sql.*;
import javax.servlet.http.*;

public class Case {
    public void doPost(HttpServletRequest req, Connection conn) throws Exception {
        String raw = req.getHeader("X-Order");
        String id = java.net.URLDecoder.decode(raw, "UTF-8");
        PreparedStatement ps = conn.prepareStatement("UPDATE orders SET state='done' WHERE id=?");
        ps.setString(1, id);
        ps.executeUpdate();
    }
}
