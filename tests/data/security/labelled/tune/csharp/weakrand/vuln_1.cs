using System;

public class Otp
{
    public string Next()
    {
        var rng = new Random();
        return rng.Next(100000, 999999).ToString();
    }
}
