package dev.reposix.simulator;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Which requests a {@link Fault} hits: an endpoint (method and path template, {@code "*"} for
 * any), how many matching requests to let through first ({@code skip}), how many to hit
 * ({@code times}, {@link #UNLIMITED} for all), and an optional probability drawn from a seeded
 * random source so runs repeat exactly. Immutable value, thread-safe; the counting state lives in
 * {@link FaultPlan}.
 *
 * <p>A rule can also be written as text for command-line flags, see {@link #parse(String)}.
 */
public record FaultRule(String method, String pathTemplate, int skip, int times, double probability,
                        long randomSeed, Fault fault) {

    /** Value of {@code times} meaning every matching request. */
    public static final int UNLIMITED = -1;
    /** Wildcard for method and path template. */
    public static final String ANY = "*";

    /** Validates the rule. */
    public FaultRule {
        Objects.requireNonNull(method, "method is null");
        Objects.requireNonNull(pathTemplate, "pathTemplate is null");
        Objects.requireNonNull(fault, "fault is null");
        method = method.toUpperCase(Locale.ROOT);
        if (skip < 0) {
            throw new IllegalArgumentException("skip is negative: " + skip);
        }
        if (times < UNLIMITED || times == 0) {
            throw new IllegalArgumentException("times must be positive or UNLIMITED: " + times);
        }
        if (!(probability > 0.0 && probability <= 1.0)) {
            throw new IllegalArgumentException("probability must be in (0, 1]: " + probability);
        }
    }

    /** A rule hitting the next request to any endpoint once. */
    public static FaultRule onAny(Fault fault) {
        return new FaultRule(ANY, ANY, 0, 1, 1.0, 0L, fault);
    }

    /**
     * A rule hitting the next request to one endpoint once, e.g.
     * {@code on("PUT", "/wiki/api/v2/pages/{id}", Fault.status(503))}.
     */
    public static FaultRule on(String method, String pathTemplate, Fault fault) {
        return new FaultRule(method, pathTemplate, 0, 1, 1.0, 0L, fault);
    }

    /** This rule, letting the first {@code count} matching requests through untouched. */
    public FaultRule afterSkipping(int count) {
        return new FaultRule(method, pathTemplate, count, times, probability, randomSeed, fault);
    }

    /** This rule, hitting {@code count} requests (or {@link #UNLIMITED}). */
    public FaultRule times(int count) {
        return new FaultRule(method, pathTemplate, skip, count, probability, randomSeed, fault);
    }

    /** This rule, hitting every matching request. */
    public FaultRule always() {
        return times(UNLIMITED);
    }

    /** This rule, hitting each matching request with the given probability from a seeded source. */
    public FaultRule withProbability(double chance, long seed) {
        return new FaultRule(method, pathTemplate, skip, times, chance, seed, fault);
    }

    /** Whether this rule's endpoint covers the request's method and route template. */
    public boolean matches(String requestMethod, String requestTemplate) {
        return (ANY.equals(method) || method.equalsIgnoreCase(requestMethod))
            && (ANY.equals(pathTemplate) || pathTemplate.equals(requestTemplate));
    }

    /**
     * Parses the text form used by command-line flags: {@code [METHOD TEMPLATE] key=value...}
     * with keys {@code fault} ({@code 500}, {@code 502}, {@code 503}, {@code 429:SECONDS},
     * {@code delay:MILLIS}, {@code reset}, {@code drop}), {@code times} (a number or {@code all}),
     * {@code skip}, {@code probability} and {@code seed}. Example:
     * {@code "PUT /wiki/api/v2/pages/{id} fault=503 times=2 skip=1"}. Hold latches have no text
     * form.
     */
    public static FaultRule parse(String text) {
        String[] tokens = text.trim().split("\\s+");
        String parsedMethod = ANY;
        String parsedTemplate = ANY;
        int index = 0;
        if (tokens.length >= 2 && !tokens[0].contains("=")) {
            parsedMethod = tokens[0];
            parsedTemplate = tokens[1];
            index = 2;
        }
        Fault parsedFault = null;
        int parsedSkip = 0;
        int parsedTimes = 1;
        double parsedProbability = 1.0;
        long parsedSeed = 0L;
        for (; index < tokens.length; index++) {
            String[] pair = tokens[index].split("=", 2);
            if (pair.length != 2) {
                throw new IllegalArgumentException("expected key=value in fault rule: " + tokens[index]);
            }
            switch (pair[0]) {
                case "fault" -> parsedFault = parseFault(pair[1]);
                case "skip" -> parsedSkip = Integer.parseInt(pair[1]);
                case "times" -> parsedTimes = "all".equals(pair[1]) ? UNLIMITED : Integer.parseInt(pair[1]);
                case "probability" -> parsedProbability = Double.parseDouble(pair[1]);
                case "seed" -> parsedSeed = Long.parseLong(pair[1]);
                default -> throw new IllegalArgumentException("unknown fault rule key: " + pair[0]);
            }
        }
        if (parsedFault == null) {
            throw new IllegalArgumentException("fault rule needs fault=...: " + text);
        }
        return new FaultRule(parsedMethod, parsedTemplate, parsedSkip, parsedTimes, parsedProbability,
            parsedSeed, parsedFault);
    }

    private static Fault parseFault(String spec) {
        String[] parts = spec.split(":", 2);
        return switch (parts[0]) {
            case "reset" -> Fault.resetMidBody();
            case "drop" -> Fault.dropResponseAfterWrite();
            case "delay" -> Fault.delay(Duration.ofMillis(Long.parseLong(parts[1])));
            case "429" -> Fault.tooManyRequests(
                Duration.ofSeconds(parts.length > 1 ? Long.parseLong(parts[1]) : 1));
            default -> Fault.status(Integer.parseInt(parts[0]));
        };
    }
}
