using System.Security.Cryptography;

public class Otp
{
    public string Next()
    {
        return RandomNumberGenerator.GetInt32(100000, 999999).ToString();
    }
}
