import java.io.*;
import java.sql.*;
import javax.servlet.http.*;

public class Case {
    public long seed() {
        return java.util.concurrent.ThreadLocalRandom.current().nextLong();
    }
}
