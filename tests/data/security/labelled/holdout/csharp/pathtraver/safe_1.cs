using System.IO;
using Microsoft.AspNetCore.Mvc;

public class FilesController : Controller
{
    public IActionResult Get()
    {
        string name = Path.GetFileName(Request.Query["file"]);
        var bytes = System.IO.File.ReadAllBytes(Path.Combine("/srv/files", name));
        return File(bytes, "application/octet-stream");
    }
}
