import java.io.*;
import java.sql.*;
import javax.servlet.http.*;

public class Case {
    public byte[] digest(byte[] data, java.util.Properties props) throws Exception {
        String which = props.getProperty("digest", "SHA3-256");
        return java.security.MessageDigest.getInstance(which).digest(data);
    }
}
