import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class H3Trustboundsafe1 extends HttpServlet {
    public void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String role = request.getHeader("X-Role");
        String table = "QRS";
        char c = table.charAt(0);
        String value = "none";
        switch (c) {
            case 'Q': value = "reader"; break;
            case 'S': value = role; break;
            default: value = role; break;
        }
        request.getSession().setAttribute("role", value);
    }
}
