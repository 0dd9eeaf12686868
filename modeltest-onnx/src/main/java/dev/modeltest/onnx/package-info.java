/**
 * Runs ONNX models with ONNX Runtime, and MLflow models logged with the {@code onnx} flavour, as modeltest models. The
 * two loaders are found through {@link java.util.ServiceLoader} when {@code modeltest-onnx} is on the test class path,
 * so a test names the {@code .onnx} or {@code MLmodel} file in {@code @ModelTest(model = ...)}. Everything else is
 * package-private: the model reads its inputs, outputs and class names when it is loaded, feeds each batch as input
 * tensors and decodes labels, probabilities (tensors or ZipMaps) and regression values from what ONNX Runtime returns.
 */
package dev.modeltest.onnx;
