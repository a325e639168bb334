import java.io.*;
import java.sql.*;
import javax.servlet.http.*;

public class Case {
    public void ping(HttpServletRequest req) throws Exception {
        String host = req.getParameter("host");
        Runtime rt = Runtime.getRuntime();
        Process p = rt.exec("ping -c 1 localhost");
    }
}
