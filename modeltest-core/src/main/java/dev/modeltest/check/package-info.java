/**
 * The shared vocabulary of modeltest's checks: a {@link dev.modeltest.check.Check} runs on a
 * {@link dev.modeltest.subject.Subject} and returns a {@link dev.modeltest.check.CheckResult} with its
 * {@link dev.modeltest.check.Verdict}, value, {@link dev.modeltest.check.Interval} and attachments. Every feature
 * package (metric checks, latency, drift, fairness, schema, quality) depends on this package and it depends on none of
 * them; {@link dev.modeltest.check.Format} is the one place that prints numbers in messages, and the message shapes
 * ({@link dev.modeltest.check.ShouldBeWithinBound}, {@link dev.modeltest.check.EveryShouldBeWithinBound},
 * {@link dev.modeltest.check.BoundOutcome}, {@link dev.modeltest.check.ShouldHaveNoViolations},
 * {@link dev.modeltest.check.ShouldNotBeWorseThanBaseline}) hold each message's wording once.
 *
 * @since 0.1.0
 */
package dev.modeltest.check;
