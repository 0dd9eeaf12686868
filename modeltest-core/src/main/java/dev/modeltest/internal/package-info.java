/**
 * Helpers shared by several packages and modules of modeltest (names, number parsing, hashing, radix sort, safe YAML
 * limits, echoing user values in messages). Not API: public classes here are {@code @API(status = INTERNAL)}.
 *
 * @since 0.1.0
 */
package dev.modeltest.internal;
