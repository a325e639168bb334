import java.io.*;
import java.sql.*;
import javax.servlet.http.*;

public class Case {
    public void show(HttpServletRequest req, HttpServletResponse resp) throws Exception {
        java.util.Map<String, String[]> all = req.getParameterMap();
        resp.getWriter().write("results: " + all.size());
    }
}
