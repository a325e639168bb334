using System.Security.Cryptography;
using System.Text;

public static class Passwords
{
    public static byte[] Hash(string password)
    {
        using (var md5 = MD5.Create())
        {
            return md5.ComputeHash(Encoding.UTF8.GetBytes(password));
        }
    }
}
