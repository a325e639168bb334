import java.io.*;
import java.sql.*;
import javax.servlet.http.*;

public class Case {
    public void open(HttpServletRequest req) throws Exception {
        String[] values = req.getParameterValues("doc");
        String doc = "a.txt";
        if (values.length > 0 && values[0].equals("b")) { doc = "b.txt"; }
        FileOutputStream out = new FileOutputStream(doc, false);
    }
}
