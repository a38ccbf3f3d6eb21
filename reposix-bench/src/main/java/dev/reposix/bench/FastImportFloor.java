package dev.reposix.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Part (b) of the floor: {@code git fast-import} of the files {@code init} rendered, as one commit
 * into an empty bare repository. The stream is built before the clock starts; the time covers
 * feeding it to git and git writing every object. Stateless.
 */
final class FastImportFloor {

    private FastImportFloor() {
    }

    /** Imports the tree's files (without {@code .git}) and returns the milliseconds it took. */
    static long importMillis(Path tree, Path emptyRepository) throws IOException, InterruptedException {
        byte[] stream = streamOf(tree);
        run(List.of("git", "init", "-q", "--bare", emptyRepository.toString()));
        long start = System.nanoTime();
        Process importer = new ProcessBuilder("git", "-C", emptyRepository.toString(), "fast-import", "--quiet")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (OutputStream in = importer.getOutputStream()) {
            in.write(stream);
        }
        if (!importer.waitFor(10, TimeUnit.MINUTES) || importer.exitValue() != 0) {
            throw new IllegalStateException("git fast-import failed");
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static byte[] streamOf(Path tree) throws IOException {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.write(("commit refs/heads/main\ncommitter bench <bench@example.com> 1764000000 +0000\n"
                + "data 6\nimport\n").getBytes(StandardCharsets.UTF_8));
        List<Path> files;
        try (Stream<Path> walk = Files.walk(tree)) {
            files = walk.filter(Files::isRegularFile).filter(file -> !tree.relativize(file).startsWith(".git"))
                    .sorted().toList();
        }
        for (Path file : files) {
            byte[] content = Files.readAllBytes(file);
            stream.write(("M 100644 inline " + quoted(tree.relativize(file)) + "\ndata " + content.length + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            stream.write(content);
            stream.write('\n');
        }
        return stream.toByteArray();
    }

    /** A C-style quoted path, so spaces, quotes and non-ASCII names pass unchanged. */
    private static String quoted(Path relative) {
        String path = relative.toString().replace('\\', '/');
        return "\"" + path.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }
}
