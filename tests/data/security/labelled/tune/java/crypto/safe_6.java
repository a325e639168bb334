import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class TuneR3Cryptosafe6 {
    public byte[] lock(byte[] data) throws Exception {
        javax.crypto.KeyGenerator gen = javax.crypto.KeyGenerator.getInstance("AES");
        gen.init(256);
        javax.crypto.Cipher c = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
        c.init(javax.crypto.Cipher.ENCRYPT_MODE, gen.generateKey());
        return c.doFinal(data);
    }
}
