import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class TuneR3Sqlisafe8 extends HttpServlet {
    public void doPost(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String id = req.getParameter("id");
        try {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-512");
            md.update(id.getBytes());
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(id.getBytes());
            resp.getWriter().println(md.digest().length + crc.getValue());
        } catch (java.security.NoSuchAlgorithmException e) { throw new ServletException(e); }
    }
}
