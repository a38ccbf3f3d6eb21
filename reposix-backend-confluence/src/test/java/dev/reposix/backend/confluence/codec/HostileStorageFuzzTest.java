package dev.reposix.backend.confluence.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.reposix.api.ReposixException;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Fuzz test of the storage ⇄ Markdown codec with hostile input, seeded: generated storage bodies
 * mutated with truncation, stray and unbalanced tags, DOCTYPEs with external and expanding entities,
 * CDATA and processing instructions; and Markdown mutated with raw HTML, markers and control
 * characters. Each input converts or is refused with a {@link ReposixException}; nothing else
 * escapes, no input takes longer than {@link #PER_INPUT_MILLIS}, and whatever converts to Markdown
 * is a fixpoint of the round trip. {@code -Dreposix.fuzz.inputs=N} (the {@code fuzz} profile) runs
 * more. {@link StorageFuzzTest} covers valid bodies in depth.
 */
class HostileStorageFuzzTest {

    private static final int INPUTS = Integer.getInteger("reposix.fuzz.inputs", 200);
    private static final long PER_INPUT_MILLIS = 2000;
    private static final String[] STORAGE_MATERIAL = {"<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>",
        "<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>", "&e;", "&b;",
        "&#0;", "&#x1F680;", "&amp;", "&unknown;", "<![CDATA[x]]>", "<?php x ?>", "<!-- c -->", "<p>", "</p>",
        "<ac:structured-macro ac:name=\"code\">", "</ac:structured-macro>", "<ac:plain-text-body><![CDATA[",
        "]]>", "<ri:page ri:content-title=\"../../x\"/>", "<ac:link>", "<table><tr><td>", "<ul><li>", "</li>",
        "<", ">", "\"", "'", "\u0000", "\u0001", "\uFFFE", "\uD800", "<p " , "xmlns:ac=\"x\"", "<br/>",
        "<strong><em>", "<a href=\"javascript:alert(1)\">", "<script>alert(1)</script>", "<h1>", "<pre>"};
    private static final String[] MARKDOWN_MATERIAL = {"<!--confluence ", "-->", "```confluence-storage\n",
        "```\n", "<div>", "</span>", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>", "&e;", "[x](",
        "../Other.md)", "| a | b |\n|---|---|\n", "> ", "- ", "1. ", "# ", "    ", "\t", "\u0000", "\u0007",
        "\r", "*", "_", "`", "~~~", "\\", "![img](x.png)", "<script>", "&#0;", "\uD83D\uDE80"};

    private final StorageCodec codec = new StorageCodec(new TestPages());

    @Test
    void mutatedStorageConvertsToAFixpointOrIsRefused() {
        // a hang fails the test instead of the build; the bound grows with -Dreposix.fuzz.inputs
        assertTimeoutPreemptively(Duration.ofSeconds(60 + INPUTS / 20), this::tryMutatedStorage);
    }

    private void tryMutatedStorage() {
        Random random = new Random(424242L);
        int converted = 0;
        for (int input = 0; input < INPUTS; input++) {
            String storage = mutate(random, new StorageGrammar(random.nextLong(), false).document(), STORAGE_MATERIAL);
            long start = System.nanoTime();
            try {
                String markdown = codec.toMarkdown(storage);
                assertThat(markdown).doesNotContain("root:x:0:0");
                assertThat(codec.toMarkdown(codec.toStorage(markdown))).as("fixpoint").isEqualTo(markdown);
                converted++;
            } catch (ReposixException refused) {
                assertThat(refused.getMessage()).isNotBlank();
            } catch (RuntimeException | AssertionError | StackOverflowError | OutOfMemoryError escaped) {
                throw new AssertionError("input " + input + ":\n" + storage, escaped);
            }
            assertQuick(start, input, storage);
        }
        assertThat(converted).as("the generator also produces valid bodies").isPositive();
    }

    @Test
    void mutatedMarkdownConvertsToAFixpointOrIsRefused() {
        // a hang fails the test instead of the build; the bound grows with -Dreposix.fuzz.inputs
        assertTimeoutPreemptively(Duration.ofSeconds(60 + INPUTS / 20), this::tryMutatedMarkdown);
    }

    private void tryMutatedMarkdown() {
        Random random = new Random(171717L);
        int converted = 0;
        for (int input = 0; input < INPUTS; input++) {
            String valid = codec.toMarkdown(new StorageGrammar(random.nextLong(), false).document());
            String markdown = mutate(random, valid, MARKDOWN_MATERIAL);
            long start = System.nanoTime();
            try {
                String storage = codec.toStorage(markdown);
                assertThat(storage).doesNotContain("root:x:0:0");
                String normalised = codec.toMarkdown(storage);
                assertThat(codec.toMarkdown(codec.toStorage(normalised))).as("fixpoint").isEqualTo(normalised);
                converted++;
            } catch (ReposixException refused) {
                assertThat(refused.getMessage()).isNotBlank();
            } catch (RuntimeException | AssertionError | StackOverflowError | OutOfMemoryError escaped) {
                throw new AssertionError("input " + input + ":\n" + markdown, escaped);
            }
            assertQuick(start, input, markdown);
        }
        assertThat(converted).as("the generator also produces valid Markdown").isPositive();
    }

    private static void assertQuick(long start, int input, String text) {
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).as("input %d took too long:%n%s", input,
                text).isLessThan(PER_INPUT_MILLIS);
    }

    private static String mutate(Random random, String original, String[] material) {
        StringBuilder text = new StringBuilder(original);
        for (int edit = 1 + random.nextInt(3); edit > 0; edit--) {
            int at = random.nextInt(text.length() + 1);
            switch (random.nextInt(4)) {
                case 0, 1 -> text.insert(at, material[random.nextInt(material.length)]);
                case 2 -> text.delete(at, Math.min(text.length(), at + 1 + random.nextInt(8)));
                default -> text.setLength(at);
            }
        }
        return text.toString();
    }
}
