package dev.reposix.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs one job of a workflow file the way a GitHub-hosted runner does, for end-to-end tests, each
 * run on a fresh "machine" (a folder with its own home, runner temp and workspace): every
 * {@code run:} script verbatim with {@code bash -e} in the workspace; {@code env:} of the workflow,
 * the job and the step layered, with their {@code ${{ }}} expressions evaluated from the test's
 * {@code secrets}, {@code vars} and {@code github} values (missing secrets and variables are empty,
 * as on GitHub); {@code GITHUB_PATH} and {@code GITHUB_OUTPUT} honoured. The two actions the mirror
 * template uses are emulated: {@code actions/checkout} as it clones (git init, the token only in
 * {@code http.<server>/.extraheader}, a fetch of every branch and tag at the depth asked, main
 * checked out) and {@code actions/setup-java} by the test's own JDK. Any other action, key or
 * expression fails the run, so the emulation cannot silently drift from the file. Not thread-safe.
 */
final class ActionsRunner {

    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{\\s*(.*?)\\s*\\}\\}");
    private static final Set<String> JOB_KEYS = Set.of("runs-on", "timeout-minutes", "env", "steps");
    private static final Set<String> STEP_KEYS = Set.of("name", "id", "uses", "with", "run", "env");

    /** What a test supplies for the {@code github}, {@code secrets} and {@code vars} contexts. */
    record Context(String serverUrl, String repository, String token, Map<String, String> secrets,
            Map<String, String> vars) {
    }

    /** What one step did; {@code outputs} are what it wrote to {@code GITHUB_OUTPUT}. */
    record StepRun(String name, int exitCode, String stdout, String stderr, Map<String, String> outputs) {
    }

    /** What a run of the job did: its steps in order, up to the first that failed, and what they put on {@code PATH}. */
    record JobRun(Path workspace, List<StepRun> steps, List<String> path) {
        boolean succeeded() {
            return steps.stream().allMatch(step -> step.exitCode() == 0);
        }

        StepRun step(String name) {
            return steps.stream().filter(step -> step.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("step not run: " + name));
        }

        @Override
        public String toString() {
            StringBuilder log = new StringBuilder();
            steps.forEach(step -> log.append("--- ").append(step.name()).append(" (exit ").append(step.exitCode())
                    .append(")\n").append(step.stdout()).append(step.stderr()));
            return log.toString();
        }
    }

    private final Workflow workflow;
    private final JsonNode job;
    private final Context context;
    private final Map<String, Path> substitutes = new HashMap<>();
    private final Map<String, UnaryOperator<String>> overrides = new LinkedHashMap<>();

    ActionsRunner(Workflow workflow, String job, Context context) {
        this.workflow = workflow;
        this.job = workflow.job(job);
        this.context = context;
        job(this.job);
    }

    /** Instead of running the named step, puts {@code directory} on {@code PATH}, as an install step does. */
    ActionsRunner substitute(String step, Path directory) {
        substitutes.put(step, directory);
        return this;
    }

    /** Edits a variable of every {@code run:} step's evaluated environment ({@code ""} when it has none). */
    ActionsRunner override(String variable, UnaryOperator<String> edit) {
        overrides.put(variable, edit);
        return this;
    }

    /** Runs every step of the job on a fresh machine in {@code machine}. */
    JobRun run(Path machine) throws IOException, InterruptedException {
        return run(machine, step -> true);
    }

    /** Runs only the named step of the job on a fresh machine in {@code machine}. */
    JobRun runStep(Path machine, String name) throws IOException, InterruptedException {
        return run(machine, step -> step.path("name").asText().equals(name));
    }

    private JobRun run(Path machine, Predicate<JsonNode> selected) throws IOException, InterruptedException {
        Path temp = Files.createDirectories(machine.resolve("temp"));
        Path workspace = Files.createDirectories(machine.resolve("workspace"));
        Map<String, String> base = new HashMap<>(Map.of("PATH", System.getenv("PATH"),
                "HOME", Files.createDirectories(machine.resolve("home")).toString(), "LANG", "C.UTF-8", "CI", "true",
                "GITHUB_ACTIONS", "true", "GITHUB_WORKSPACE", workspace.toString(), "GITHUB_REPOSITORY",
                context.repository(), "GITHUB_SERVER_URL", context.serverUrl(), "RUNNER_TEMP", temp.toString()));
        // a runner has no terminal: git must fail rather than prompt for a password
        base.put("GIT_TERMINAL_PROMPT", "0");
        base.put("GIT_CONFIG_NOSYSTEM", "1");
        Map<String, String> jobEnv = new LinkedHashMap<>(evaluate(workflow.root().path("env"), temp));
        jobEnv.putAll(evaluate(job.path("env"), temp));
        List<StepRun> runs = new ArrayList<>();
        List<String> path = new ArrayList<>();
        int index = 0;
        for (JsonNode step : job.path("steps")) {
            if (!selected.test(step)) {
                continue;
            }
            Map<String, String> environment = new HashMap<>(base);
            environment.putAll(jobEnv);
            environment.putAll(evaluate(step.path("env"), temp));
            Path files = Files.createDirectories(machine.resolve("files").resolve(Integer.toString(index++)));
            for (String file : List.of("GITHUB_OUTPUT", "GITHUB_PATH", "GITHUB_ENV")) {
                environment.put(file, Files.createFile(files.resolve(file)).toString());
            }
            List<String> pathNow = new ArrayList<>(path);
            pathNow.add(base.get("PATH"));
            environment.put("PATH", String.join(":", pathNow));
            StepRun result = step(step, environment, workspace, temp, path);
            runs.add(result);
            if (result.exitCode() != 0) {
                break;
            }
            Files.readAllLines(files.resolve("GITHUB_PATH")).forEach(line -> path.add(0, line));
            if (Files.size(files.resolve("GITHUB_ENV")) > 0) {
                throw new UnsupportedOperationException("GITHUB_ENV is not emulated; step " + result.name());
            }
        }
        return new JobRun(workspace, runs, List.copyOf(path));
    }

    private StepRun step(JsonNode step, Map<String, String> environment, Path workspace, Path temp, List<String> path)
            throws IOException, InterruptedException {
        String uses = step.path("uses").asText("");
        String name = step.path("name").asText(uses);
        if (substitutes.containsKey(name)) {
            path.add(0, substitutes.get(name).toAbsolutePath().toString());
            return new StepRun(name, 0, "", "", Map.of());
        }
        if (uses.startsWith("actions/checkout@")) {
            return checkout(name, step.path("with"), environment, workspace);
        }
        if (uses.startsWith("actions/setup-java@")) {
            int wanted = Integer.parseInt(step.path("with").path("java-version").asText());
            if (Runtime.version().feature() < wanted) {
                throw new IllegalStateException("the workflow wants Java " + wanted + "; the test runs on "
                        + Runtime.version());
            }
            path.add(0, Path.of(System.getProperty("java.home"), "bin").toString());
            return new StepRun(name, 0, "", "", Map.of());
        }
        if (!uses.isEmpty() || !step.has("run")) {
            throw new UnsupportedOperationException("step not emulated: " + step);
        }
        overrides.forEach((variable, edit) -> environment.put(variable, edit.apply(environment.getOrDefault(variable,
                ""))));
        Path script = Files.writeString(Files.createTempFile(temp, "step", ".sh"), step.path("run").asText());
        StepRun result = process(name, List.of("bash", "-e", script.toString()), environment, workspace);
        Map<String, String> outputs = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of(environment.get("GITHUB_OUTPUT")))) {
            int equals = line.indexOf('=');
            if (equals < 0) {
                throw new UnsupportedOperationException("multi-line outputs are not emulated: " + line);
            }
            outputs.put(line.substring(0, equals), line.substring(equals + 1));
        }
        return new StepRun(name, result.exitCode(), result.stdout(), result.stderr(), outputs);
    }

    /** What {@code actions/checkout} does with {@code persist-credentials} left on. */
    private StepRun checkout(String name, JsonNode with, Map<String, String> environment, Path workspace)
            throws IOException, InterruptedException {
        with.fieldNames().forEachRemaining(key -> {
            if (!key.equals("fetch-depth")) {
                throw new UnsupportedOperationException("actions/checkout input not emulated: " + key);
            }
        });
        int depth = with.path("fetch-depth").asInt(1);
        String header = "AUTHORIZATION: basic " + Base64.getEncoder().encodeToString(("x-access-token:"
                + context.token()).getBytes(StandardCharsets.UTF_8));
        List<List<String>> commands = List.of(List.of("git", "init", "--quiet", "."),
                List.of("git", "remote", "add", "origin", context.serverUrl() + "/" + context.repository()),
                List.of("git", "config", "--local", "gc.auto", "0"),
                List.of("git", "config", "--local", "http." + context.serverUrl() + "/.extraheader", header),
                depth == 0
                        ? List.of("git", "-c", "protocol.version=2", "fetch", "--prune", "--no-recurse-submodules",
                                "origin", "+refs/heads/*:refs/remotes/origin/*", "+refs/tags/*:refs/tags/*")
                        : List.of("git", "-c", "protocol.version=2", "fetch", "--no-tags", "--prune",
                                "--no-recurse-submodules", "--depth=" + depth, "origin",
                                "+refs/heads/main:refs/remotes/origin/main"),
                List.of("git", "checkout", "--quiet", "--force", "-B", "main", "refs/remotes/origin/main"));
        StringBuilder stdout = new StringBuilder();
        StringBuilder stderr = new StringBuilder();
        for (List<String> command : commands) {
            StepRun result = process(name, command, environment, workspace);
            stdout.append(result.stdout());
            stderr.append(result.stderr());
            if (result.exitCode() != 0) {
                return new StepRun(name, result.exitCode(), stdout.toString(), stderr.toString(), Map.of());
            }
        }
        return new StepRun(name, 0, stdout.toString(), stderr.toString(), Map.of());
    }

    private static StepRun process(String name, List<String> command, Map<String, String> environment, Path directory)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile("step", ".out");
        Path err = Files.createTempFile("step", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().clear();
            builder.environment().putAll(environment);
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("step " + name + " did not finish in 120 s: " + command);
            }
            return new StepRun(name, process.exitValue(), Files.readString(out), Files.readString(err), Map.of());
        } finally {
            Files.delete(out);
            Files.delete(err);
        }
    }

    /** An {@code env:} block with its expressions evaluated. */
    private Map<String, String> evaluate(JsonNode env, Path temp) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = env.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            Matcher expression = EXPRESSION.matcher(field.getValue().asText());
            StringBuilder value = new StringBuilder();
            while (expression.find()) {
                expression.appendReplacement(value, Matcher.quoteReplacement(valueOf(expression.group(1), temp)));
            }
            expression.appendTail(value);
            values.put(field.getKey(), value.toString());
        }
        return values;
    }

    private String valueOf(String expression, Path temp) {
        if (expression.startsWith("secrets.")) {
            String name = expression.substring("secrets.".length());
            return name.equals("GITHUB_TOKEN") ? context.token() : context.secrets().getOrDefault(name, "");
        }
        if (expression.startsWith("vars.")) {
            return context.vars().getOrDefault(expression.substring("vars.".length()), "");
        }
        switch (expression) {
            case "github.server_url":
                return context.serverUrl();
            case "github.repository":
                return context.repository();
            case "github.token":
                return context.token();
            case "runner.temp":
                return temp.toString();
            default:
                throw new UnsupportedOperationException("expression not emulated: ${{ " + expression + " }}");
        }
    }

    private static void job(JsonNode job) {
        job.fieldNames().forEachRemaining(key -> require(JOB_KEYS, key, "job"));
        job.path("steps").forEach(step -> step.fieldNames().forEachRemaining(key -> require(STEP_KEYS, key, "step")));
    }

    private static void require(Set<String> known, String key, String where) {
        if (!known.contains(key)) {
            throw new UnsupportedOperationException(where + " key not emulated: " + key);
        }
    }
}
