using System.Data.SqlClient;
using System.Web;

public class Orders
{
    public void Load(HttpRequest Request, SqlConnection conn)
    {
        string id = Request.QueryString["id"];
        var cmd = new SqlCommand("SELECT * FROM Orders WHERE Id = '" + id + "'", conn);
        cmd.ExecuteReader();
    }
}
