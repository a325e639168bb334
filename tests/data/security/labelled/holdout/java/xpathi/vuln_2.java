import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class BenchmarkCaseXpathiVuln2 extends HttpServlet {
    @Override
    public void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        response.setContentType("text/html;charset=UTF-8");
        String param = "";
        Cookie[] cookies = request.getCookies();
        if (cookies != null && cookies.length > 0) param = cookies[0].getValue();
        try {
            javax.xml.xpath.XPath xp = javax.xml.xpath.XPathFactory.newInstance().newXPath();
            javax.xml.xpath.XPathExpression e = xp.compile("//user[name/text()='" + param + "']");
            response.getWriter().println(e != null);
        } catch (javax.xml.xpath.XPathExpressionException ex) {
            throw new ServletException(ex);
        }
    }
}
