using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Mvc;

public class ToolsController : Controller
{
    public IActionResult Ping()
    {
        string host = Request.Query["host"];
        if (!IPAddress.TryParse(host, out var ip)) return BadRequest();
        var psi = new ProcessStartInfo("ping", ip.ToString());
        Process.Start(psi);
        return Ok();
    }
}
