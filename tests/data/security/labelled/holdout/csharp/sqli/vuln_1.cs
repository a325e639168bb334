using System.Data.SqlClient;
using Microsoft.AspNetCore.Mvc;

public class UsersController : Controller
{
    public IActionResult Find(string name)
    {
        var conn = new SqlConnection("Server=.;Database=app;Trusted_Connection=True;");
        var sql = "SELECT * FROM Users WHERE Name = '" + Request.Query["name"] + "'";
        var cmd = new SqlCommand(sql, conn);
        cmd.ExecuteReader();
        return Ok();
    }
}
