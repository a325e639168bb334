using System.Security.Cryptography;

public class Box
{
    public ICryptoTransform Make(byte[] key)
    {
        var alg = Aes.Create();
        alg.Mode = CipherMode.ECB;
        alg.Key = key;
        return alg.CreateEncryptor();
    }
}
