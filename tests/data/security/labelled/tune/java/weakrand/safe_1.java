import java.io.*;
import java.sql.*;
import javax.servlet.http.*;

public class Case {
    public int roll() {
        java.security.SecureRandom r = new java.security.SecureRandom();
        return r.nextInt(6);
    }
}
