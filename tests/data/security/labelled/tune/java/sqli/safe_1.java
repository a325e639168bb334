import java.io.*;
import java.sql.*;
import javax.servlet.http.*;

public class Case {
    public void doGet(HttpServletRequest req, HttpServletResponse resp, Connection conn) throws Exception {
        String user = req.getParameter("user");
        PreparedStatement ps = conn.prepareStatement("SELECT * FROM accounts WHERE owner = ?");
        ps.setString(1, user);
        ResultSet rs = ps.executeQuery();
    }
}
