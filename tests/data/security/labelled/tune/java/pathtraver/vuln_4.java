import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class TunePathtraverVuln4 extends HttpServlet {
    public void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String v = "";
        Cookie[] cs = req.getCookies();
        if (cs != null) for (Cookie c : cs) if ("f".equals(c.getName())) v = c.getValue();
        java.nio.file.Files.readAllBytes(java.nio.file.Paths.get("/data/" + v));
    }
}
