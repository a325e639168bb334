import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class BenchmarkCaseXpathiSafe2 extends HttpServlet {
    @Override
    public void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        response.setContentType("text/html;charset=UTF-8");
        String param = request.getParameter("item");
        if (param == null) param = "";
        String bar;
        int num = 196;
        if ((500 / 42) + num > 200) {
            bar = param;
        } else {
            bar = "This should never happen";
        }
        bar = "fixed";
        try {
            javax.xml.xpath.XPath xp = javax.xml.xpath.XPathFactory.newInstance().newXPath();
            xp.compile("/items/item[@name='" + bar + "']");
        } catch (javax.xml.xpath.XPathExpressionException e) {
            throw new ServletException(e);
        }
    }
}
