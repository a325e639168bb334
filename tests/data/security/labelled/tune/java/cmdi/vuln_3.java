import java.io.*;
import java.sql.*;
import javax.servlet.http.*;

public class Case {
    public void env(HttpServletRequest req) throws Exception {
        String v = req.getParameter("v");
        String[] cmd = {"/usr/bin/env"};
        String[] environment = {"SETTING=" + v};
        Runtime.getRuntime().exec(cmd, environment);
    }
}
