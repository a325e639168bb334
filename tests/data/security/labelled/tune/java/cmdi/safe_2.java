import java.io.*;
import java.sql.*;
import javax.servlet.http.*;

public class Case {
    public void run(HttpServletRequest req) throws Exception {
        String asked = req.getHeader("X-Dir");
        String dir = "/var/data";
        java.util.List<String> argv = new java.util.ArrayList<>();
        argv.add("ls"); argv.add(dir);
        new ProcessBuilder(argv).start();
    }
}
