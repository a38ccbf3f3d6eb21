package dev.reposix.backend.confluence.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The four guarantees on a corpus of realistic storage snippets (among them every sample of the
 * simulator's demo space), and each snippet's Markdown against a golden file reviewed by eye.
 * Set {@code -Dreposix.codec.updateGoldens=true} to rewrite the golden files after a deliberate change.
 */
class StorageCorpusTest {

    private static final Path CORPUS = corpus();
    private final StorageCodec codec = new StorageCodec(new TestPages());

    static Stream<Path> snippets() throws IOException {
        try (Stream<Path> files = Files.list(CORPUS)) {
            return files.filter(file -> file.toString().endsWith(".xml")).sorted().toList().stream();
        }
    }

    @Test
    void corpusHasAtLeastThirtySnippets() throws IOException {
        assertThat(snippets().count()).isGreaterThanOrEqualTo(30);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("snippets")
    void everySnippetKeepsTheFourGuarantees(Path snippet) throws IOException {
        new CodecGuarantees(codec).assertAll(Files.readString(snippet, StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("snippets")
    void everySnippetMatchesItsGoldenMarkdown(Path snippet) throws IOException {
        String markdown = codec.toMarkdown(Files.readString(snippet, StandardCharsets.UTF_8));
        Path golden = snippet.resolveSibling(snippet.getFileName().toString().replace(".xml", ".md"));
        if (Boolean.getBoolean("reposix.codec.updateGoldens")) {
            Path source = Path.of("src/test/resources/codec/corpus").resolve(golden.getFileName());
            Files.writeString(source, markdown, StandardCharsets.UTF_8);
            return;
        }
        assertThat(golden).as("golden file for %s", snippet.getFileName()).exists();
        assertThat(markdown).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("snippets")
    void constructsWithAMarkdownFormNeverComeOutVerbatim(Path snippet) throws IOException {
        List<String> mayKeepVerbatim = List.of("17-", "18-", "21-", "32-");
        String markdown = codec.toMarkdown(Files.readString(snippet, StandardCharsets.UTF_8));
        if (mayKeepVerbatim.stream().noneMatch(prefix -> snippet.getFileName().toString().startsWith(prefix))) {
            assertThat(markdown).doesNotContain("```confluence-storage");
        }
    }

    private static Path corpus() {
        try {
            return Path.of(StorageCorpusTest.class.getResource("/codec/corpus").toURI());
        } catch (URISyntaxException impossible) {
            throw new UncheckedIOException(new IOException(impossible));
        }
    }
}
