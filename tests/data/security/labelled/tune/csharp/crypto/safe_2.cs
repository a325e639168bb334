using System.Security.Cryptography;

public class Box
{
    public ICryptoTransform Make(byte[] key)
    {
        var alg = Aes.Create();
        alg.Mode = CipherMode.CBC;
        alg.Key = key;
        return alg.CreateEncryptor();
    }
}
