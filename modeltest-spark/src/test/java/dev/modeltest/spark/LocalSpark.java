package dev.modeltest.spark;

import org.apache.spark.sql.SparkSession;

/**
 * The one {@code local[2]} SparkSession of the module's tests: started once per test JVM (about 8 s), shared by every
 * test class, stopped by Spark's own shutdown hook.
 */
final class LocalSpark {

    private LocalSpark() {}

    private static final class Holder {
        static final SparkSession SESSION = SparkSession.builder()
                .appName("modeltest-spark tests")
                .master("local[2]")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "4")
                .config("spark.default.parallelism", "4")
                // Partitions exactly as a test asks for them, not coalesced at run time.
                .config("spark.sql.adaptive.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
    }

    static SparkSession session() {
        return Holder.SESSION;
    }
}
