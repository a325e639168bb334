import java.io.*;
import java.sql.*;
import javax.servlet.http.*;

public class Case {
    public void echo(HttpServletRequest req, HttpServletResponse resp) throws Exception {
        String ref = req.getHeader("Referer");
        PrintWriter out = resp.getWriter();
        out.format("<a href='%s'>back</a>", ref);
    }
}
