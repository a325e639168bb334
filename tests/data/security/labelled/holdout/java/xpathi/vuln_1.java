import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class BenchmarkCaseXpathiVuln1 extends HttpServlet {
    @Override
    public void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        response.setContentType("text/html;charset=UTF-8");
        String param = request.getParameter("item");
        if (param == null) param = "";
        String bar = helper(param);
        try {
            javax.xml.xpath.XPath xp = javax.xml.xpath.XPathFactory.newInstance().newXPath();
            org.xml.sax.InputSource src = new org.xml.sax.InputSource(new FileInputStream("items.xml"));
            String expression = "/items/item[@name='" + bar + "']";
            String result = xp.evaluate(expression, src);
            response.getWriter().println(result.length());
        } catch (javax.xml.xpath.XPathExpressionException e) {
            throw new ServletException(e);
        }
    }

    private static String helper(String s) {
        return s.replace("\t", " ");
    }
}
