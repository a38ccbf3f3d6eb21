package dev.reposix.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The faults a running simulator injects, as an ordered list of {@link FaultRule}s. For each
 * request the first rule that matches, is past its skip count, is not used up and wins its
 * probability draw decides the fault; otherwise the request is handled normally.
 *
 * <p>Thread-safe: rule selection is serialised, so counts are exact under concurrent requests.
 */
public final class FaultPlan {
    private final List<RuleState> rules = new ArrayList<>();
    private int firedTotal;

    /** Creates an empty plan. */
    public FaultPlan() {
    }

    /** Appends a rule; returns this plan for chaining. */
    public synchronized FaultPlan add(FaultRule rule) {
        rules.add(new RuleState(rule));
        return this;
    }

    /** Removes all rules (fired counts are kept). */
    public synchronized void clear() {
        rules.clear();
    }

    /** The rules still able to fire, in order. */
    public synchronized List<FaultRule> activeRules() {
        List<FaultRule> active = new ArrayList<>();
        for (RuleState state : rules) {
            if (!state.usedUp()) {
                active.add(state.rule);
            }
        }
        return List.copyOf(active);
    }

    /** How many requests were hit by any fault since the simulator started. */
    public synchronized int firedCount() {
        return firedTotal;
    }

    /**
     * Chooses the fault for one request and advances the rules' counters; called by the
     * simulator for every API request.
     */
    public synchronized Optional<Fault> select(String method, String pathTemplate) {
        for (RuleState state : rules) {
            if (state.usedUp() || !state.rule.matches(method, pathTemplate)) {
                continue;
            }
            state.seen++;
            if (state.seen <= state.rule.skip()) {
                continue;
            }
            if (state.rule.probability() < 1.0 && state.random.nextDouble() >= state.rule.probability()) {
                continue;
            }
            state.fired++;
            firedTotal++;
            return Optional.of(state.rule.fault());
        }
        return Optional.empty();
    }

    private static final class RuleState {
        private final FaultRule rule;
        private final Random random;
        private int seen;
        private int fired;

        private RuleState(FaultRule rule) {
            this.rule = rule;
            this.random = new Random(rule.randomSeed());
        }

        private boolean usedUp() {
            return rule.times() != FaultRule.UNLIMITED && fired >= rule.times();
        }
    }
}
