import java.io.*;
import java.sql.*;
import javax.servlet.http.*;

public class Case {
    public String id() {
        byte[] b = new byte[16];
        new java.security.SecureRandom().nextBytes(b);
        return java.util.Base64.getEncoder().encodeToString(b);
    }
}
