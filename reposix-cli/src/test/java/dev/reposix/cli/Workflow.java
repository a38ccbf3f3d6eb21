package dev.reposix.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** A GitHub Actions workflow file of this repository, read for tests: its text, its YAML tree and its steps. Immutable. */
final class Workflow {

    /** The template owners copy into their mirror repository. */
    static final Path MIRROR_TEMPLATE = Path.of("..", "docs", "guides", "dvcs-mirror-setup-template.yml");
    /** The project's own release workflow. */
    static final Path RELEASE = Path.of("..", ".github", "workflows", "release.yml");

    private final String text;
    private final JsonNode root;

    private Workflow(String text, JsonNode root) {
        this.text = text;
        this.root = root;
    }

    static Workflow read(Path file) throws IOException {
        String text = Files.readString(file);
        return new Workflow(text, new ObjectMapper(new YAMLFactory()).readTree(text));
    }

    String text() {
        return text;
    }

    JsonNode root() {
        return root;
    }

    JsonNode job(String name) {
        JsonNode job = root.path("jobs").path(name);
        if (job.isMissingNode()) {
            throw new IllegalArgumentException("no job " + name);
        }
        return job;
    }

    /** The steps of every job, in order. */
    List<JsonNode> steps() {
        List<JsonNode> steps = new ArrayList<>();
        root.path("jobs").forEach(job -> job.path("steps").forEach(steps::add));
        return steps;
    }

    /** The step whose {@code run:} script contains {@code text}. */
    JsonNode stepRunning(String text) {
        return steps().stream().filter(step -> step.path("run").asText().contains(text)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no step runs " + text));
    }

    /** Every scalar with the dotted path of keys that leads to it (array items as {@code []}). */
    List<Map.Entry<String, String>> scalars() {
        return scalars(root, "");
    }

    private static List<Map.Entry<String, String>> scalars(JsonNode node, String path) {
        List<Map.Entry<String, String>> found = new ArrayList<>();
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                found.addAll(scalars(field.getValue(), path + "." + field.getKey()));
            }
        } else if (node.isArray()) {
            node.forEach(item -> found.addAll(scalars(item, path + "[]")));
        } else {
            found.add(Map.entry(path, node.asText()));
        }
        return found;
    }
}
