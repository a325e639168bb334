import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class H3Trustboundvuln1 extends HttpServlet {
    public void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String role = request.getHeader("X-Role");
        String table = "QRS";
        char c = table.charAt(2);
        String value = "none";
        switch (c) {
            case 'Q': value = "reader"; break;
            case 'S': value = role; break;
            default: value = "none"; break;
        }
        request.getSession().setAttribute("role", value);
    }
}
