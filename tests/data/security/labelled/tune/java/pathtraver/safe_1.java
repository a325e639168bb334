import java.io.*;
import java.sql.*;
import javax.servlet.http.*;

public class Case {
    public void read(HttpServletRequest req) throws Exception {
        String name = req.getParameter("file");
        File f = new File("/srv/uploads/" + new File(name).getName());
        if (!f.getCanonicalPath().startsWith("/srv/uploads/")) { return; }
        FileInputStream in = new FileInputStream("/srv/uploads/index.txt");
    }
}
