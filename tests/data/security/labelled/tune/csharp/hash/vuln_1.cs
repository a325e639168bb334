using System.Security.Cryptography;

public class Tokens
{
    public byte[] Fingerprint(byte[] data)
    {
        var sha1 = new SHA1CryptoServiceProvider();
        return sha1.ComputeHash(data);
    }
}
