import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

public class Inventory {
    private final Map<String, Integer> stock = new HashMap<>();

    public void add(String item, int count) {
        if (count <= 0) {
            throw new IllegalArgumentException("count must be positive");
        }
        stock.merge(item, count, Integer::sum);
    }

    public boolean remove(String item, int count) {
        Integer current = stock.get(item);
        if (current == null || current < count) {
            return false;
        }
        if (current == count) {
            stock.remove(item);
        } else {
            stock.put(item, current - count);
        }
        return true;
    }

    public List<String> lowStock(int threshold) {
        List<String> result = new ArrayList<>();
        for (Map.Entry<String, Integer> entry : stock.entrySet()) {
            if (entry.getValue() < threshold) {
                result.add(entry.getKey());
            }
        }
        return result;
    }
}
