import java.io.*;
import java.sql.*;
import javax.servlet.http.*;

public class Case {
    public void doGet(HttpServletRequest req, HttpServletResponse resp, Connection conn) throws Exception {
        String user = req.getParameter("user");
        String sql = "SELECT * FROM accounts WHERE owner = '" + user + "'";
        Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery(sql);
    }
}
