package dev.modeltest.metrics;

/**
 * The formulas of the regression metrics: the first seven from one pass of sums ({@link RegressionSums}); the median
 * absolute error from the errors sorted once ({@link RegressionKernel}); the losses with a parameter or a domain and
 * the D² scores from their own passes ({@link RegressionLosses}).
 */
enum RegressionFormula implements Kernel.Formula {
    MSE,
    RMSE,
    MAE,
    MAPE,
    MAX_ERROR,
    R2,
    EXPLAINED_VARIANCE,
    MEDIAN_ABSOLUTE_ERROR,
    MSLE,
    RMSLE,
    PINBALL,
    POISSON_DEVIANCE,
    GAMMA_DEVIANCE,
    TWEEDIE_DEVIANCE,
    D2_TWEEDIE,
    D2_PINBALL,
    D2_ABSOLUTE_ERROR;

    /** Whether {@link RegressionLosses} computes it. */
    boolean isLoss() {
        return switch (this) {
            case MSE, RMSE, MAE, MAPE, MAX_ERROR, R2, EXPLAINED_VARIANCE, MEDIAN_ABSOLUTE_ERROR -> false;
            case MSLE,
                    RMSLE,
                    PINBALL,
                    POISSON_DEVIANCE,
                    GAMMA_DEVIANCE,
                    TWEEDIE_DEVIANCE,
                    D2_TWEEDIE,
                    D2_PINBALL,
                    D2_ABSOLUTE_ERROR -> true;
        };
    }

    @Override
    public Kernel.Kind kind() {
        return Kernel.Kind.REGRESSION;
    }
}
