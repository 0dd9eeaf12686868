package dev.modeltest.check;

import dev.modeltest.subject.Subject;
import org.apiguardian.api.API;

/**
 * The output range check under its first name: it moved to {@link dev.modeltest.gate.OutputRangeCheck}, beside the
 * other checks on a model's predictions, when {@code dev.modeltest.check} became the shared vocabulary only. This class
 * runs the same check and will be removed in 0.2.0.
 *
 * @since 0.1.0
 * @deprecated use {@link dev.modeltest.gate.OutputRangeCheck}
 */
@Deprecated(since = "0.1.0", forRemoval = true)
@API(status = API.Status.DEPRECATED, since = "0.1.0")
public final class OutputRangeCheck implements Check {

    /** See {@link dev.modeltest.gate.OutputRangeCheck#ID}. */
    public static final String ID = dev.modeltest.gate.OutputRangeCheck.ID;

    /** See {@link dev.modeltest.gate.OutputRangeCheck#SUM_TOLERANCE}. */
    public static final double SUM_TOLERANCE = dev.modeltest.gate.OutputRangeCheck.SUM_TOLERANCE;

    private final dev.modeltest.gate.OutputRangeCheck check;

    /** Creates the check; see {@link dev.modeltest.gate.OutputRangeCheck#OutputRangeCheck(String, double, double)}. */
    public OutputRangeCheck(String where, double min, double max) {
        this.check = new dev.modeltest.gate.OutputRangeCheck(where, min, max);
    }

    @Override
    public CheckResult run(Subject subject) {
        return check.run(subject);
    }
}
