package dev.reposix.bench;

import dev.reposix.api.RecordId;
import dev.reposix.backend.confluence.codec.PageDirectory;
import dev.reposix.backend.confluence.codec.StorageCodec;
import dev.reposix.simulator.seed.Seed;
import dev.reposix.simulator.seed.SeedPage;
import dev.reposix.simulator.seed.Seeds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rendering alone: the storage → Markdown codec over every body of the space, on one thread (as
 * reposix renders today), with a page directory that resolves the space's titles so page links
 * are rewritten as in a real sync. {@link #inChildJvm} runs it in a fresh JVM with the launcher's
 * {@code -XX} flags, so the codec runs with the same JIT and collector as inside {@code init}.
 * Stateless.
 */
public final class RenderTimer {

    private static final Pattern JVM_FLAG = Pattern.compile("(?<=\\s)-XX:\\S+");

    private RenderTimer() {
    }

    /**
     * Child JVM entry point: generates the space and prints one line, {@code millis bodies
     * storageBytes markdownBytes}.
     *
     * @param args page count, average body bytes, random seed
     */
    public static void main(String[] args) {
        Seed seed = Seeds.generated(SpaceBench.SPACE, Integer.parseInt(args[0]), Integer.parseInt(args[1]),
                Long.parseLong(args[2]));
        Rendering rendering = render(seed.spaces().get(0).pages());
        System.out.println(rendering.millis() + " " + rendering.bodies() + " " + rendering.storageBytes() + " "
                + rendering.markdownBytes());
    }

    /** Runs {@link #main} in a child JVM with the launcher's {@code -XX} flags and the harness's class path. */
    static Rendering inChildJvm(Path launcher, int pages, int averageBodyBytes, long randomSeed)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(launcherFlags(launcher));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), RenderTimer.class.getName(),
                Integer.toString(pages), Integer.toString(averageBodyBytes), Long.toString(randomSeed)));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("the rendering child JVM failed: " + output);
        }
        String[] fields = output.split(" ");
        return new Rendering(Long.parseLong(fields[0]), Integer.parseInt(fields[1]), Long.parseLong(fields[2]),
                Long.parseLong(fields[3]));
    }

    /** The {@code -XX:...} options the launcher script passes to {@code java}. */
    static List<String> launcherFlags(Path launcher) throws IOException {
        Matcher flags = JVM_FLAG.matcher(Files.readString(launcher, StandardCharsets.UTF_8));
        List<String> found = new ArrayList<>();
        while (flags.find()) {
            if (!flags.group().contains("$")) {
                // A flag built from shell variables (an archive path, say) only means something to the script.
                found.add(flags.group());
            }
        }
        return found;
    }

    /** The codec's time over a space. */
    record Rendering(long millis, int bodies, long storageBytes, long markdownBytes) {
    }

    static Rendering render(List<SeedPage> pages) {
        StorageCodec codec = new StorageCodec(directoryOf(pages));
        long storageBytes = 0;
        long markdownBytes = 0;
        long start = System.nanoTime();
        for (SeedPage page : pages) {
            markdownBytes += codec.toMarkdown(page.body()).length();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        for (SeedPage page : pages) {
            storageBytes += page.body().getBytes(StandardCharsets.UTF_8).length;
        }
        return new Rendering(millis, pages.size(), storageBytes, markdownBytes);
    }

    private static PageDirectory directoryOf(List<SeedPage> pages) {
        Map<RecordId, String> titles = new HashMap<>();
        pages.forEach(page -> titles.put(RecordId.of(page.id()), page.title()));
        return PageDirectory.of(titles);
    }
}
