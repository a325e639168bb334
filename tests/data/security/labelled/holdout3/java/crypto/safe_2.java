import java.io.*;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

public class H3Cryptosafe2 {
    static byte[] wrap(byte[] secret, byte[] raw, byte[] iv) throws Exception {
        javax.crypto.spec.SecretKeySpec spec = new javax.crypto.spec.SecretKeySpec(raw, "AES");
        javax.crypto.Cipher box = javax.crypto.Cipher.getInstance("AES/CTR/NoPadding");
        box.init(javax.crypto.Cipher.ENCRYPT_MODE, spec, new javax.crypto.spec.IvParameterSpec(iv));
        return box.doFinal(secret);
    }
}
