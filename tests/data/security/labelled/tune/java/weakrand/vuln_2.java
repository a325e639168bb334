import java.io.*;
import java.sql.*;
import javax.servlet.http.*;

public class Case {
    public String id() {
        double d = Math.random();
        return Double.toString(d).substring(2);
    }
}
