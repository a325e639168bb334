import java.io.*;
import java.sql.*;
import javax.servlet.http.*;

public class Case {
    public int roll() {
        java.util.Random r = new java.util.Random();
        return r.nextInt(6);
    }
}
