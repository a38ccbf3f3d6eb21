package dev.reposix.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Writes a {@link BenchReport} as JSON, the same numbers as the table, so runs can be compared over
 * time. Times in milliseconds, sizes in bytes, absent measurements as {@code null}. Stateless.
 */
final class ReportJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportJson() {
    }

    static void write(BenchReport report, Path file) throws IOException {
        MAPPER.writeValue(file.toFile(), toJson(report));
    }

    static ObjectNode toJson(BenchReport report) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("startedAt", report.startedAt().toString());
        Machine machine = report.machine();
        ObjectNode machineNode = root.putObject("machine");
        machineNode.put("processors", machine.processors());
        machineNode.put("memoryBytes", machine.memoryBytes().orElse(null));
        machineNode.put("cpu", machine.cpu().orElse(null));
        machineNode.put("jdk", machine.jdk());
        machineNode.put("os", machine.os());
        machineNode.put("git", machine.git());
        machineNode.put("loadAverageAtStart", machine.loadAverage().orElse(null));
        ArrayNode spaces = root.putArray("spaces");
        report.spaces().forEach(space -> spaces.add(toJson(space)));
        ArrayNode verdicts = root.putArray("targets");
        for (TargetCheck.Verdict verdict : report.verdicts()) {
            verdicts.addObject().put("pages", verdict.pages()).put("scenario", verdict.scenario())
                    .put("target", verdict.target()).put("actual", verdict.actual()).put("limit", verdict.limit())
                    .put("passed", verdict.passed());
        }
        root.put("targetsMet", report.targetsMet());
        return root;
    }

    private static ObjectNode toJson(SpaceResult space) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("pages", space.pages());
        node.put("averageBodyBytes", space.averageBodyBytes());
        node.put("concurrency", space.concurrency());
        ObjectNode floor = node.putObject("floor");
        floor.put("millis", space.floorMillis());
        floor.put("fetchMillis", space.fetchFloor().millis());
        floor.put("fetchRequests", space.fetchFloor().requests());
        floor.put("fetchBytes", space.fetchFloor().bytesReceived());
        floor.set("fetchRequestsPerEndpoint", MAPPER.valueToTree(new TreeMap<>(space.fetchFloorRequests())));
        floor.put("fastImportMillis", space.fastImportMillis());
        ObjectNode rendering = node.putObject("rendering");
        rendering.put("millis", space.rendering().millis());
        rendering.put("bodies", space.rendering().bodies());
        rendering.put("storageBytes", space.rendering().storageBytes());
        rendering.put("markdownBytes", space.rendering().markdownBytes());
        ArrayNode scenarios = node.putArray("scenarios");
        for (ScenarioResult scenario : space.scenarios()) {
            ObjectNode entry = scenarios.addObject();
            entry.put("name", scenario.name());
            entry.put("status", scenario.measured() ? "measured" : "pending");
            if (!scenario.measured()) {
                entry.put("pending", scenario.pending().orElseThrow());
                continue;
            }
            entry.put("wallMillis", scenario.wallMillis());
            entry.put("ratioToFloor", Math.round(space.ratioToFloor(scenario) * 100) / 100.0);
            entry.put("requests", scenario.totalRequests());
            entry.set("requestsPerEndpoint", MAPPER.valueToTree(scenario.sortedRequests()));
            entry.put("bytesSent", scenario.bytesSent());
            entry.put("peakHeapBytes", orNull(scenario.peakHeapBytes()));
            entry.put("peakRssBytes", orNull(scenario.peakRssBytes()));
            entry.put("note", scenario.note());
        }
        return node;
    }

    private static Long orNull(OptionalLong value) {
        return value.isPresent() ? value.getAsLong() : null;
    }
}
