import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class H3Cryptovuln2 {
    static byte[] wrap(byte[] secret, byte[] raw) throws Exception {
        javax.crypto.spec.SecretKeySpec spec = new javax.crypto.spec.SecretKeySpec(raw, "AES");
        javax.crypto.Cipher box = javax.crypto.Cipher.getInstance("AES");
        box.init(javax.crypto.Cipher.ENCRYPT_MODE, spec);
        return box.doFinal(secret);
    }
}
