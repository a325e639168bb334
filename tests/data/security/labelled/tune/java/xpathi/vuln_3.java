import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class TuneXpathiVuln3 extends HttpServlet {
    public void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String v = req.getHeader("X-Item");
        String bar = v.trim();
        try {
            javax.xml.xpath.XPath xp = javax.xml.xpath.XPathFactory.newInstance().newXPath();
            org.w3c.dom.Document doc = null;
            xp.evaluate("//item[@id='" + bar + "']", doc, javax.xml.xpath.XPathConstants.NODESET);
        } catch (javax.xml.xpath.XPathExpressionException e) { throw new ServletException(e); }
    }
}
