import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class TuneXpathiSafe3 extends HttpServlet {
    public void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String v = req.getHeader("X-Item");
        String bar = "a".equals(v) ? "a" : "b";
        try {
            javax.xml.xpath.XPath xp = javax.xml.xpath.XPathFactory.newInstance().newXPath();
            xp.compile("//item[@id='" + bar + "']");
        } catch (javax.xml.xpath.XPathExpressionException e) { throw new ServletException(e); }
    }
}
