import java.io.*;
import java.sql.*;
import javax.servlet.http.*;

public class Case {
    public byte[] seal(byte[] data, javax.crypto.SecretKey key) throws Exception {
        javax.crypto.Cipher c = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
        c.init(javax.crypto.Cipher.ENCRYPT_MODE, key);
        return c.doFinal(data);
    }
}
