package dev.reposix.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reposix.api.RecordId;
import dev.reposix.api.RecordStatus;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Random files (fixed seed): parse(render(x)) == x and render(parse(render(x))) == render(x). */
class RecordFilePropertyTest {

    private static final String ALPHABET = "aZ0 :#'\"\\-?[]{}&*!|>%@`,\t\n\r\u0085\u2028\u00e9\u05d0🚀\u0000\u007f\uFEFF";

    @Test
    void randomFilesRoundTripExactly() {
        Random random = new Random(42L);
        for (int run = 0; run < 3000; run++) {
            boolean flat = random.nextBoolean();
            RecordFileCodec codec = flat ? RecordFileCodec.flat() : RecordFileCodec.tree();
            List<String> labels = new ArrayList<>();
            for (int index = random.nextInt(4); index > 0; index--) {
                labels.add("l" + randomText(random, 6).replaceAll("\\p{Cc}", "").strip());
            }
            String title = "t" + randomText(random, 30);
            RecordFile file = new RecordFile(random.nextInt(5) == 0 ? Optional.empty()
                    : Optional.of(RecordId.of("id" + random.nextInt(1000))), title,
                    RecordStatus.values()[random.nextInt(RecordStatus.values().length)], labels,
                    flat && random.nextBoolean() ? Optional.of(RecordId.of("p" + run)) : Optional.empty(),
                    randomText(random, 200));

            byte[] rendered = codec.renderBytes(file);
            RecordFile parsed = codec.parse("pages/x.md", rendered);

            assertThat(parsed).as("run " + run).isEqualTo(file);
            assertThat(codec.renderBytes(parsed)).isEqualTo(rendered);
            assertThat(new String(rendered, StandardCharsets.UTF_8)).doesNotContain("\r").endsWith("\n");
        }
    }

    private static String randomText(Random random, int maxLength) {
        StringBuilder text = new StringBuilder();
        for (int index = random.nextInt(maxLength + 1); index > 0; index--) {
            int offset = random.nextInt(ALPHABET.length());
            text.appendCodePoint(ALPHABET.codePointAt(Character.isLowSurrogate(ALPHABET.charAt(offset)) ? offset - 1
                    : offset));
        }
        return text.toString();
    }
}
