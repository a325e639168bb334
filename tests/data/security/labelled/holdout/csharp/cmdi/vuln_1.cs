using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;

public class ToolsController : Controller
{
    public IActionResult Ping()
    {
        string host = Request.Query["host"];
        var psi = new ProcessStartInfo("cmd.exe", "/c ping " + host);
        Process.Start(psi);
        return Ok();
    }
}
