package dev.modeltest.spark;

import org.junit.jupiter.api.function.Executable;

/** Counts the Spark jobs a call starts: what tells "fails before any job" from "fails after a look at the rows". */
final class SparkJobs {

    private SparkJobs() {}

    /** Runs {@code call} in its own job group, ignoring what it throws, and returns the number of jobs it started. */
    static int of(String group, Executable call) throws Throwable {
        var context = LocalSpark.session().sparkContext();
        context.setJobGroup(group, group, false);
        try {
            call.execute();
        } catch (RuntimeException expected) {
            // The assertions on the exception are made separately.
        } finally {
            context.clearJobGroup();
        }
        return context.statusTracker().getJobIdsForGroup(group).length;
    }
}
