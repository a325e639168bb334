import java.io.*;
import java.sql.*;
import javax.servlet.http.*;

public class Case {
    public byte[] digest(byte[] data) throws Exception {
        java.security.MessageDigest md = java.security.MessageDigest.getInstance("MD5");
        return md.digest(data);
    }
}
