import java.io.*;
import java.sql.*;
import javax.servlet.http.*;

public class Case {
    public byte[] digest(byte[] data) throws Exception {
        String which = "SHA1";
        return java.security.MessageDigest.getInstance(which).digest(data);
    }
}
