import java.io.*;
import java.sql.*;
import javax.servlet.http.*;

public class Case {
    public void lookup(HttpServletRequest req, org.w3c.dom.Document doc) throws Exception {
        String role = req.getHeader("X-Role");
        javax.xml.xpath.XPath xp = javax.xml.xpath.XPathFactory.newInstance().newXPath();
        Object nodes = xp.compile("//user[role='" + role + "']").evaluate(doc, javax.xml.xpath.XPathConstants.NODESET);
    }
}
