package dev.modeltest.data;

import it.unimi.dsi.fastutil.doubles.Double2IntOpenHashMap;
import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * A column encoded as categories: one {@code int} code per row into a list of distinct values, {@code -1} for a missing
 * cell. The names are the values as {@link TestData#strings} gives them ({@code 1.0} reads as {@code "1"}), so a label
 * column encodes alike however the file wrote its numbers.
 *
 * <p>Built without an object per row: text columns are stored this way already, numbers are mapped through a table
 * indexed by value when they are small whole numbers, else through a primitive hash map.
 *
 * @since 0.1.0
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class Categories {

    /** Whole numbers within this range of each other are mapped through an array instead of a hash map. */
    private static final int DIRECT_RANGE = 1 << 16;

    private final int[] codes;
    private final List<String> names;

    Categories(int[] codes, String[] names) {
        this.codes = codes;
        this.names = List.of(names);
    }

    /** Returns the code of each row, {@code -1} for a missing cell; shared, do not modify. */
    public int[] codes() {
        return codes;
    }

    /** Returns the distinct values in order of first appearance; codes index this list. */
    public List<String> names() {
        return names;
    }

    static Categories ofInts(int[] values, int missing) {
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int v : values) {
            if (v != missing) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        int[] codes = new int[values.length];
        List<String> names = new ArrayList<>();
        if (min <= max && (long) max - min < DIRECT_RANGE) {
            int[] table = new int[max - min + 1];
            java.util.Arrays.fill(table, -1);
            for (int r = 0; r < values.length; r++) {
                int v = values[r];
                if (v == missing) {
                    codes[r] = -1;
                    continue;
                }
                int code = table[v - min];
                if (code < 0) {
                    code = names.size();
                    table[v - min] = code;
                    names.add(Integer.toString(v));
                }
                codes[r] = code;
            }
        } else {
            Int2IntOpenHashMap map = new Int2IntOpenHashMap();
            map.defaultReturnValue(-1);
            for (int r = 0; r < values.length; r++) {
                int v = values[r];
                if (v == missing) {
                    codes[r] = -1;
                    continue;
                }
                int code = map.get(v);
                if (code < 0) {
                    code = names.size();
                    map.put(v, code);
                    names.add(Integer.toString(v));
                }
                codes[r] = code;
            }
        }
        return new Categories(codes, names.toArray(String[]::new));
    }

    static Categories ofDoubles(double[] values) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        boolean whole = true;
        for (double v : values) {
            if (v != v) {
                continue;
            }
            if (v != Math.rint(v)) {
                whole = false;
                break;
            }
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        int[] codes = new int[values.length];
        List<String> names = new ArrayList<>();
        if (whole && min <= max && max - min < DIRECT_RANGE) {
            int[] table = new int[(int) (max - min) + 1];
            java.util.Arrays.fill(table, -1);
            for (int r = 0; r < values.length; r++) {
                double v = values[r];
                if (v != v) {
                    codes[r] = -1;
                    continue;
                }
                int slot = (int) (v - min);
                int code = table[slot];
                if (code < 0) {
                    code = names.size();
                    table[slot] = code;
                    names.add(ColumnData.numberText(v));
                }
                codes[r] = code;
            }
            return new Categories(codes, names.toArray(String[]::new));
        }
        Double2IntOpenHashMap map = new Double2IntOpenHashMap();
        map.defaultReturnValue(-1);
        // Values that differ but print alike (0.0 and -0.0) share a name, as they share a string in strings().
        Map<String, Integer> byName = new HashMap<>();
        for (int r = 0; r < values.length; r++) {
            double v = values[r];
            if (v != v) {
                codes[r] = -1;
                continue;
            }
            int code = map.get(v);
            if (code < 0) {
                String name = ColumnData.numberText(v);
                Integer known = byName.get(name);
                if (known == null) {
                    known = names.size();
                    byName.put(name, known);
                    names.add(name);
                }
                code = known;
                map.put(v, code);
            }
            codes[r] = code;
        }
        return new Categories(codes, names.toArray(String[]::new));
    }

    static Categories ofStrings(String[] values) {
        Map<String, Integer> index = new HashMap<>();
        List<String> names = new ArrayList<>();
        int[] codes = new int[values.length];
        for (int r = 0; r < values.length; r++) {
            String v = values[r];
            if (v == null) {
                codes[r] = -1;
                continue;
            }
            Integer code = index.get(v);
            if (code == null) {
                code = names.size();
                index.put(v, code);
                names.add(v);
            }
            codes[r] = code;
        }
        return new Categories(codes, names.toArray(String[]::new));
    }
}
