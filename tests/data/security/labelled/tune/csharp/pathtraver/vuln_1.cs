using System.IO;
using System.Web;

public class Files
{
    public string Read(HttpRequest Request)
    {
        string name = Request.QueryString["file"];
        return File.ReadAllText(@"C:\data\" + name);
    }
}
