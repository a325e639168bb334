using System.Data.SqlClient;
using Microsoft.AspNetCore.Mvc;

public class UsersController : Controller
{
    public IActionResult Find()
    {
        var conn = new SqlConnection("Server=.;Database=app;Trusted_Connection=True;");
        var cmd = new SqlCommand("SELECT * FROM Users WHERE Name = @name", conn);
        cmd.Parameters.AddWithValue("@name", Request.Query["name"].ToString());
        cmd.ExecuteReader();
        return Ok();
    }
}
