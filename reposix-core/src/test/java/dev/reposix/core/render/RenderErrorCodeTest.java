package dev.reposix.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RenderErrorCodeTest {

    @Test
    void codesStayInTheirRangeAndAreUniqueWithARemedy() {
        assertThat(Arrays.stream(RenderErrorCode.values()).map(RenderErrorCode::number))
                .allMatch(number -> number >= 200 && number <= 299).doesNotHaveDuplicates();
        assertThat(Arrays.stream(RenderErrorCode.values())).allMatch(code -> !code.info().remedy().isBlank()
                && code.code().startsWith("RPX-02"));
    }
}
