import java.io.*;
import java.sql.*;
import javax.servlet.http.*;

public class Case {
    public void list(HttpServletRequest req, Connection conn) throws Exception {
        String sort = "name";
        String asked = req.getParameter("sort");
        String column = "price".equals(asked) ? "price" : "name";
        conn.createStatement().executeQuery("SELECT name FROM items ORDER BY " + column);
    }
}
