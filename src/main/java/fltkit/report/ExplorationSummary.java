package fltkit.report;

import java.util.List;

/**
 * What exploring one profile found (random call sequences against the implementation and the reference,
 * judged by the documented rules): shown in its own section of the summary, never counted as a documented
 * rule's verdict. Each divergence is a shrunk scenario that, pasted under its rule, would make one.
 */
public record ExplorationSummary(String profile, long seed, int sequences, long calls, double seconds, List<Found> divergences) {

    /** One divergence: the rule it breaks, the message, the shrunk scenario to paste, the seed to replay it. */
    public record Found(String rule, String message, String scenario, long seed, int steps) {
    }

    public ExplorationSummary {
        divergences = List.copyOf(divergences);
    }
}
