import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Converts a CSV file with a header row to Parquet with DuckDB (whose type inference reads whole numbers as BIGINT,
 * decimals as DOUBLE, text as VARCHAR), for the Parquet example data. Run with Java's single-file launcher and the
 * DuckDB JDBC jar from the local Maven repository, from the repository root:
 *
 * <pre>
 * java -cp ~/.m2/repository/org/duckdb/duckdb_jdbc/1.4.4.0/duckdb_jdbc-1.4.4.0.jar scripts/data/CsvToParquet.java \
 *     modeltest-examples/src/test/resources/iris-test.csv modeltest-examples/src/test/resources/iris-test.parquet
 * </pre>
 */
public class CsvToParquet {
    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: CsvToParquet <in.csv> <out.parquet>");
        }
        Path in = Path.of(args[0]).toAbsolutePath();
        Path out = Path.of(args[1]).toAbsolutePath();
        for (Path p : new Path[] {in, out}) {
            if (p.toString().contains("'")) {
                throw new IllegalArgumentException("paths with a quote are not supported: " + p);
            }
        }
        Files.deleteIfExists(out);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement()) {
            s.execute("COPY (SELECT * FROM read_csv('" + in + "', header = true)) TO '" + out
                    + "' (FORMAT parquet, COMPRESSION zstd)");
        }
        System.out.println(out + ": " + Files.size(out) + " bytes");
    }
}
