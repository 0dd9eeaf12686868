/**
 * Runs XGBoost boosters saved as {@code .json} or {@code .ubj} with XGBoost4J, as modeltest models: binary and
 * multiclass classifiers and regressors. The loader is found through {@link java.util.ServiceLoader} when
 * {@code modeltest-xgboost} is on the test class path. Before XGBoost sees a file, this package's own reader checks it
 * is well-formed and reads its objective, class count and feature names; only the model and the class that loads it
 * name XGBoost4J types.
 */
package dev.modeltest.xgboost;
