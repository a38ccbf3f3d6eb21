package dev.reposix.backend.confluence.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reposix.simulator.seed.SeedPage;
import dev.reposix.simulator.seed.Seeds;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pins the codec's exact output over a generated space (the bench's generator, 2,000 pages) and the
 * demo space: Markdown, the storage written back from it and the canonical forms, all hashed
 * together. A change meant to be invisible, such as a faster path through the parser or the
 * normalizer, must keep this hash; one that changes what users get must say so and update it.
 */
class CodecFingerprintTest {

    /** Change only together with a codec change that is meant to change its output. */
    private static final String FINGERPRINT = "2c3454dabca87158f10186625c11228799bbbe62568bc947b6f12b6bed7183d6";

    @Test
    void theCodecWritesExactlyWhatItWroteBefore() throws Exception {
        List<SeedPage> pages = new ArrayList<>(Seeds.generated("BENCH", 2_000, 5_000, 42).spaces().get(0).pages());
        pages.addAll(Seeds.demo().spaces().get(0).pages());
        StorageCodec codec = new StorageCodec(SeedDirectory.of(pages));
        StorageCanonicalizer canonicalizer = new StorageCanonicalizer();
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        for (SeedPage page : pages) {
            String markdown = codec.toMarkdown(page.body());
            String storage = codec.toStorage(markdown);
            for (String part : List.of(markdown, storage, canonicalizer.canonicalize(storage),
                    canonicalizer.canonicalize(page.body()))) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
        }

        assertThat(HexFormat.of().formatHex(digest.digest())).as("the codec's output over %d pages", pages.size())
                .isEqualTo(FINGERPRINT);
    }
}
