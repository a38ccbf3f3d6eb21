package dev.reposix.backend.confluence.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** One codec shared by several threads gives the same answers as a codec used by one thread. */
class StorageCodecConcurrencyTest {

    @Test
    void aSharedCodecIsThreadSafe() throws IOException {
        StorageCodec codec = new StorageCodec(new TestPages());
        List<String> bodies = StorageCorpusTest.snippets().map(StorageCodecConcurrencyTest::read).toList();
        Map<String, String> sequential = bodies.stream().distinct()
                .collect(Collectors.toMap(Function.identity(), codec::toMarkdown));
        for (int round = 0; round < 5; round++) {
            Map<String, String> parallel = bodies.parallelStream().distinct()
                    .collect(Collectors.toConcurrentMap(Function.identity(),
                            body -> codec.toMarkdown(codec.toStorage(codec.toMarkdown(body)))));
            assertThat(parallel).isEqualTo(sequential);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
