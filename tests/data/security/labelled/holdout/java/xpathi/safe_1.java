import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class BenchmarkCaseXpathiSafe1 extends HttpServlet {
    @Override
    public void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        response.setContentType("text/html;charset=UTF-8");
        String param = request.getParameter("item");
        if (param == null) param = "";
        String bar = org.owasp.esapi.ESAPI.encoder().encodeForXPath(param);
        try {
            javax.xml.xpath.XPath xp = javax.xml.xpath.XPathFactory.newInstance().newXPath();
            org.xml.sax.InputSource src = new org.xml.sax.InputSource(new FileInputStream("items.xml"));
            xp.evaluate("/items/item[@name='" + bar + "']", src);
        } catch (javax.xml.xpath.XPathExpressionException e) {
            throw new ServletException(e);
        }
    }
}
