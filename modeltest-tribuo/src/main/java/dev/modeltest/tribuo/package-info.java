/**
 * Runs Tribuo 4.3 classification and regression models saved in Tribuo's protobuf format ({@code .tribuo}) as
 * modeltest models. The loader is found through {@link java.util.ServiceLoader} when {@code modeltest-tribuo} is on
 * the test class path; Tribuo's Java-serialized models are not read, since deserializing an untrusted file can run
 * code.
 */
package dev.modeltest.tribuo;
