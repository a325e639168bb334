import java.io.*;
import java.sql.*;
import javax.servlet.http.*;

public class Case {
    public void write(HttpServletRequest req) throws Exception {
        String name = req.getHeader("X-Name");
        java.nio.file.Path p = java.nio.file.Paths.get("/tmp/out", name);
        java.nio.file.Files.write(p, new byte[0]);
    }
}
