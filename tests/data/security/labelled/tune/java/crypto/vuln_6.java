import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class TuneR3Cryptovuln6 {
    public byte[] lock(byte[] data) throws Exception {
        javax.crypto.KeyGenerator gen = javax.crypto.KeyGenerator.getInstance("Blowfish");
        javax.crypto.Cipher c = javax.crypto.Cipher.getInstance("Blowfish/CBC/PKCS5Padding");
        c.init(javax.crypto.Cipher.ENCRYPT_MODE, gen.generateKey());
        return c.doFinal(data);
    }
}
