package dev.modeltest.behaviour;

/** The spread of a number column, missing cells (NaN) left out. */
final class Spread {

    private Spread() {}

    /** Returns the sample standard deviation ({@code ddof = 1}) of the values present; 0 for fewer than two. */
    static double standardDeviation(double[] values) {
        long n = 0;
        double sum = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                n++;
                sum += v;
            }
        }
        if (n < 2) {
            return 0;
        }
        double mean = sum / n;
        double squares = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                squares += (v - mean) * (v - mean);
            }
        }
        return Math.sqrt(squares / (n - 1));
    }

    /** Returns the indexes of the values present, in order. */
    static int[] present(double[] values) {
        int count = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                count++;
            }
        }
        int[] rows = new int[count];
        int i = 0;
        for (int r = 0; r < values.length; r++) {
            if (!Double.isNaN(values[r])) {
                rows[i++] = r;
            }
        }
        return rows;
    }
}
