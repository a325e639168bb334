import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class Round2Sqlisafe1 extends HttpServlet {
    @Override
    public void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String param = request.getParameter("user");
        String bar = new Helper().doSomething(request, param);
        try {
            java.sql.Statement st = java.sql.DriverManager.getConnection("jdbc:x").createStatement();
            st.executeQuery("SELECT * FROM u WHERE name='" + bar + "'");
        } catch (java.sql.SQLException e) { throw new ServletException(e); }
    }

    private class Helper {
        public String doSomething(HttpServletRequest request, String param) {
            String bar = "safe!";
            return bar;
        }
    }
}
