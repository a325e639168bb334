using System.Security.Cryptography;

public class Box
{
    public ICryptoTransform Make(byte[] key)
    {
        var alg = DES.Create();
        alg.Key = key;
        return alg.CreateEncryptor();
    }
}
