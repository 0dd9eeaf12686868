package dev.modeltest.metrics;

/**
 * The formulas of the regression metrics: all but the median absolute error from one pass of sums
 * ({@link RegressionSums}); that one from the errors sorted once ({@link RegressionKernel}).
 */
enum RegressionFormula implements Kernel.Formula {
    MSE,
    RMSE,
    MAE,
    MAPE,
    MAX_ERROR,
    R2,
    EXPLAINED_VARIANCE,
    MEDIAN_ABSOLUTE_ERROR;

    @Override
    public Kernel.Kind kind() {
        return Kernel.Kind.REGRESSION;
    }
}
