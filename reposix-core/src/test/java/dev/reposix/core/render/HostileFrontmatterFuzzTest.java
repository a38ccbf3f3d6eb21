package dev.reposix.core.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.reposix.api.ErrorCategory;
import dev.reposix.api.RecordId;
import dev.reposix.api.RecordStatus;
import dev.reposix.api.ReposixException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Fuzz test of the frontmatter parser with a seeded generator: valid files mutated byte by byte and
 * spliced with YAML's dangerous material (anchors, aliases, tags, brackets, document markers, NUL,
 * invalid UTF-8, huge runs). Every input either parses — and then rendering is a fixpoint — or is
 * refused with a USER {@link ReposixException}; nothing else escapes, no input takes longer than
 * {@link #PER_INPUT_MILLIS}. {@code -Dreposix.fuzz.inputs=N} (the {@code fuzz} profile) runs more.
 */
class HostileFrontmatterFuzzTest {

    private static final int INPUTS = Integer.getInteger("reposix.fuzz.inputs", 4000);
    private static final long PER_INPUT_MILLIS = 1000;
    private static final String PATH = "pages/Fuzz.md";
    private static final String[] MATERIAL = {"&a ", "*a", "!!str ", "!x ", "[", "]", "{", "}", "---\n", "...\n",
        ": ", "- ", "#", "'", "\"", "\\", "\\u0000", "\u0000", "\r", "\r\n", "\t", "id: \"2\"\n", "version: 3\n",
        "author: \"x\"\n", "space: \"OTHER\"\n", "title: \"dup\"\n", "<<: *a\n", "? ", "|\n", ">\n", "%YAML 1.2\n",
        "\uFEFF", "\u2028", "\uD83D\uDE80", "[[[[[[[[[[", "{a: {b: {c: ", "x".repeat(70_000)};
    private static final byte[][] BAD_BYTES = {{(byte) 0xC3}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}};

    private final RecordFileCodec tree = RecordFileCodec.tree();
    private final RecordFileCodec flat = RecordFileCodec.flat();

    @Test
    void mutatedFilesParseToAFixpointOrAreRefusedAsUserErrors() {
        // a hang fails the test instead of the build; the bound grows with -Dreposix.fuzz.inputs
        assertTimeoutPreemptively(Duration.ofSeconds(60 + INPUTS / 20), this::tryMutatedFiles);
    }

    private void tryMutatedFiles() {
        Random random = new Random(20261124L);
        int parsed = 0;
        for (int input = 0; input < INPUTS; input++) {
            byte[] bytes = mutate(random, seedFile(random));
            RecordFileCodec codec = input % 2 == 0 ? tree : flat;
            long start = System.nanoTime();
            try {
                RecordFile file = codec.parse(PATH, bytes);
                byte[] rendered = codec.renderBytes(file);
                assertThat(codec.parse(PATH, rendered)).as("re-parse of input %d", input).isEqualTo(file);
                assertThat(codec.renderBytes(codec.parse(PATH, rendered))).isEqualTo(rendered);
                parsed++;
            } catch (ReposixException refused) {
                assertThat(refused.category()).as("input %d: %s", input, refused.getMessage())
                        .isEqualTo(ErrorCategory.USER);
                assertThat(refused.getMessage()).as("input %d names the file", input).startsWith(PATH);
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError escaped) {
                throw new AssertionError("input " + input + " escaped as " + escaped + ":\n" + preview(bytes), escaped);
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertThat(millis).as("input %d took too long:%n%s", input, preview(bytes)).isLessThan(PER_INPUT_MILLIS);
        }
        assertThat(parsed).as("the generator also produces valid files").isPositive();
    }

    private byte[] seedFile(Random random) {
        List<String> labels = new ArrayList<>();
        for (int label = random.nextInt(3); label > 0; label--) {
            labels.add("l" + random.nextInt(100));
        }
        RecordFile file = new RecordFile(random.nextBoolean() ? Optional.of(RecordId.of("6553" + random.nextInt(9)))
                : Optional.empty(), "Title " + random.nextInt(1000), RecordStatus.CURRENT, labels,
                Optional.empty(), random.nextBoolean() ? "" : "# Body\n\ntext " + random.nextInt() + "\n");
        return tree.renderBytes(file);
    }

    private static byte[] mutate(Random random, byte[] original) {
        List<Byte> bytes = new ArrayList<>(original.length + 16);
        for (byte value : original) {
            bytes.add(value);
        }
        for (int edit = 1 + random.nextInt(4); edit > 0; edit--) {
            int at = bytes.isEmpty() ? 0 : random.nextInt(bytes.size() + 1);
            switch (random.nextInt(5)) {
                case 0 -> insert(bytes, at, MATERIAL[random.nextInt(MATERIAL.length)].getBytes(StandardCharsets.UTF_8));
                case 1 -> insert(bytes, at, BAD_BYTES[random.nextInt(BAD_BYTES.length)]);
                case 2 -> {
                    if (at < bytes.size()) {
                        bytes.remove(at);
                    }
                }
                case 3 -> {
                    if (at < bytes.size()) {
                        bytes.set(at, (byte) random.nextInt(128));
                    }
                }
                default -> {
                    while (bytes.size() > at) {
                        bytes.remove(bytes.size() - 1);
                    }
                }
            }
        }
        byte[] result = new byte[bytes.size()];
        for (int index = 0; index < result.length; index++) {
            result[index] = bytes.get(index);
        }
        return result;
    }

    private static void insert(List<Byte> bytes, int at, byte[] material) {
        List<Byte> inserted = new ArrayList<>(material.length);
        for (byte value : material) {
            inserted.add(value);
        }
        bytes.addAll(Math.min(at, bytes.size()), inserted);
    }

    private static String preview(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        return text.length() > 600 ? text.substring(0, 600) + "..." : text;
    }
}
