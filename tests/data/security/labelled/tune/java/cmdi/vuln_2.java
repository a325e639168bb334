import java.io.*;
import java.sql.*;
import javax.servlet.http.*;

public class Case {
    public void run(HttpServletRequest req) throws Exception {
        String dir = req.getHeader("X-Dir");
        java.util.List<String> argv = new java.util.ArrayList<>();
        argv.add("sh"); argv.add("-c"); argv.add("ls " + dir);
        ProcessBuilder pb = new ProcessBuilder(argv);
        pb.start();
    }
}
