import java.io.*;
import java.sql.*;
import javax.servlet.http.*;

public class Case {
    public void lookup(HttpServletRequest req, org.w3c.dom.Document doc) throws Exception {
        String id = req.getParameter("id");
        javax.xml.xpath.XPath xp = javax.xml.xpath.XPathFactory.newInstance().newXPath();
        String name = xp.evaluate("/staff/person[@id='7']/name", doc);
    }
}
