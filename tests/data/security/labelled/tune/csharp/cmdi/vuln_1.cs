using System.Diagnostics;
using System.Web;

public class Tools
{
    public void Ping(HttpRequest Request)
    {
        string host = Request.Form["host"];
        Process.Start("cmd.exe", "/c ping " + host);
    }
}
