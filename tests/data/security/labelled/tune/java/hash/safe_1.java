import java.io.*;
import java.sql.*;
import javax.servlet.http.*;

public class Case {
    public byte[] digest(byte[] data) throws Exception {
        java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
        return md.digest(data);
    }
}
