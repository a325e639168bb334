import java.io.*;
import java.sql.*;
import javax.servlet.http.*;

public class Case {
    public void open(HttpServletRequest req) throws Exception {
        String[] values = req.getParameterValues("doc");
        String doc = values[0];
        FileOutputStream out = new FileOutputStream(doc, false);
    }
}
