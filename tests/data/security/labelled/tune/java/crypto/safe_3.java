import java.io.*;
import java.sql.*;
import javax.servlet.http.*;

public class Case {
    public byte[] seal(byte[] data, java.util.Properties props) throws Exception {
        String alg = props.getProperty("cipher", "AES/CCM/NoPadding");
        javax.crypto.Cipher c = javax.crypto.Cipher.getInstance(alg);
        return c.doFinal(data);
    }
}
