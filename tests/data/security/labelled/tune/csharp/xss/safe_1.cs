using System.Web;

public class Greeter
{
    public void Greet(HttpRequest Request, HttpResponse Response)
    {
        string name = Request.QueryString["name"];
        Response.Write("<p>Hello " + HttpUtility.HtmlEncode(name) + "</p>");
    }
}
