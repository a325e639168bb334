using System.IO;
using System.Web;

public class Files
{
    public string Read(HttpRequest Request)
    {
        string name = Path.GetFileName(Request.QueryString["file"]);
        return File.ReadAllText(Path.Combine(@"C:\data", name));
    }
}
