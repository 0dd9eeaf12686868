package dev.modeltest.data;

import java.math.BigInteger;

/**
 * Converts an exact decimal significand and a power of ten to the nearest double, as {@link Double#parseDouble} would,
 * by the Eisel-Lemire algorithm (Daniel Lemire, "Number parsing at a gigabyte per second", Software: Practice and
 * Experience 51(8), 2021; the {@code compute_float} of the fast_float library, which fastdoubleparser also follows).
 * Returns NaN where the algorithm does not decide alone (a subnormal or infinite result, or a power of ten outside
 * [-342, 308]): the caller then parses the text with fastdoubleparser.
 *
 * <p>Why here and not fastdoubleparser: the CSV reader has already read the digits to check the cell's form, and
 * fastdoubleparser's own Eisel-Lemire step is not public, so calling it means reading every digit a second time.
 * {@code EiselLemireTest} compares it with {@code Double.parseDouble} on millions of numbers.
 */
final class EiselLemire {

    private static final int SMALLEST_POWER = -342;
    private static final int LARGEST_POWER = 308;

    /** 5^q as 128 bits, most significant bit set: high and low words, q from -342 to 308 (fast_float's table). */
    private static final long[] POWERS_OF_FIVE = powersOfFive();

    private EiselLemire() {}

    private static long[] powersOfFive() {
        long[] table = new long[2 * (LARGEST_POWER - SMALLEST_POWER + 1)];
        BigInteger two128 = BigInteger.ONE.shiftLeft(128);
        BigInteger two127 = BigInteger.ONE.shiftLeft(127);
        int i = 0;
        for (int q = SMALLEST_POWER; q <= LARGEST_POWER; q++) {
            BigInteger c;
            if (q < 0) {
                BigInteger power5 = BigInteger.valueOf(5).pow(-q);
                int z = power5.subtract(BigInteger.ONE).bitLength(); // the least z with 2^z >= 5^-q
                int b = q >= -27 ? z + 127 : 2 * z + 128;
                c = BigInteger.ONE.shiftLeft(b).divide(power5).add(BigInteger.ONE);
                while (c.compareTo(two128) >= 0) {
                    c = c.shiftRight(1);
                }
            } else {
                c = BigInteger.valueOf(5).pow(q);
                while (c.compareTo(two127) < 0) {
                    c = c.shiftLeft(1);
                }
                while (c.compareTo(two128) >= 0) {
                    c = c.shiftRight(1);
                }
            }
            table[i++] = c.shiftRight(64).longValue();
            table[i++] = c.longValue();
        }
        return table;
    }

    /**
     * Returns {@code ±w × 10^q} rounded to the nearest double (ties to even), or NaN when this algorithm leaves the
     * case to a full parser.
     *
     * @param w the decimal significand, exact, not zero (at most 19 digits)
     * @param q the power of ten
     */
    static double toDouble(long w, int q, boolean negative) {
        if (w == 0 || q < SMALLEST_POWER || q > LARGEST_POWER) {
            return Double.NaN;
        }
        int lz = Long.numberOfLeadingZeros(w);
        long shifted = w << lz;
        int index = 2 * (q - SMALLEST_POWER);
        long high = unsignedMultiplyHigh(shifted, POWERS_OF_FIVE[index]);
        long low = shifted * POWERS_OF_FIVE[index];
        long precisionMask = 0xFFFFFFFFFFFFFFFFL >>> 55; // 52 explicit mantissa bits + 3
        if ((high & precisionMask) == precisionMask) {
            long secondHigh = unsignedMultiplyHigh(shifted, POWERS_OF_FIVE[index + 1]);
            low += secondHigh;
            if (Long.compareUnsigned(secondHigh, low) > 0) {
                high++;
            }
            if (low == -1L) {
                return Double.NaN; // the truncated product cannot tell: leave it to the full parser
            }
        }
        int upperBit = (int) (high >>> 63);
        int shift = upperBit + 64 - 52 - 3;
        long mantissa = high >>> shift;
        int power2 = ((((152170 + 65536) * q) >> 16) + 63) + upperBit - lz + 1023;
        if (power2 <= 0) {
            return Double.NaN; // subnormal
        }
        if (Long.compareUnsigned(low, 1) <= 0 && q >= -4 && q <= 23 && (mantissa & 3) == 1) {
            // Exactly halfway between two doubles: round to even, that is down here.
            if ((mantissa << shift) == high) {
                mantissa &= ~1L;
            }
        }
        mantissa += mantissa & 1;
        mantissa >>>= 1;
        if (mantissa >= (2L << 52)) {
            mantissa = 1L << 52;
            power2++;
        }
        mantissa &= ~(1L << 52);
        if (power2 >= 0x7FF) {
            return Double.NaN; // infinite
        }
        long bits = mantissa | ((long) power2 << 52) | (negative ? 1L << 63 : 0);
        return Double.longBitsToDouble(bits);
    }

    /** The high 64 bits of the unsigned 128-bit product (Math.unsignedMultiplyHigh arrived in Java 18). */
    private static long unsignedMultiplyHigh(long a, long b) {
        return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
    }
}
