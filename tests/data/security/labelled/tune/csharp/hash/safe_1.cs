using System.Security.Cryptography;

public class Tokens
{
    public byte[] Fingerprint(byte[] data)
    {
        return SHA512.HashData(data);
    }
}
