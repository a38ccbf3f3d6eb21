package dev.reposix.backend.confluence.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reposix.api.ReposixException;
import org.junit.jupiter.api.Test;

/** How the codec reads storage as found in the wild, and how it refuses what it must not read. */
class StorageParsingTest {

    private final StorageCodec codec = new StorageCodec(new TestPages());

    @Test
    void htmlEntitiesUndeclaredPrefixesAndSeveralTopLevelElementsAreRead() {
        String markdown = codec.toMarkdown("<p>a&nbsp;b &ndash; c &rarr; d &eacute; &#8212; &#x2713; &amp;</p>"
                + "<p>second</p><ac:structured-macro ac:name=\"toc\" />");
        assertThat(markdown).startsWith("a&nbsp;b – c → d é — ✓ &\n\nsecond\n\n```confluence-storage");
    }

    @Test
    void malformedStorageNamesLineColumnAndSnippetWithoutAStackTrace() {
        assertThatThrownBy(() -> codec.toMarkdown("<p>fine</p>\n<p>still fine</p>\n<p>broken <strong>here</p>"))
                .isInstanceOfSatisfying(ReposixException.class, failure -> {
                    assertThat(failure.errorCode()).isEqualTo(CodecErrorCode.MALFORMED_STORAGE);
                    assertThat(failure.getMessage()).contains("line 3", "column", "broken <strong>here")
                            .doesNotContain("\tat ", "Exception");
                    assertThat(failure.getCause()).isNull();
                });
    }

    @Test
    void anUnknownEntityIsReportedByName() {
        assertThatThrownBy(() -> codec.toMarkdown("<p>x &bogus; y</p>"))
                .isInstanceOfSatisfying(ReposixException.class,
                        failure -> assertThat(failure.getMessage()).contains("bogus", "line 1"));
    }

    @Test
    void externalEntitiesCannotBeDeclaredOrReferenced() {
        String xxe = "<!DOCTYPE p [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><p>&xxe;</p>";
        assertThatThrownBy(() -> codec.toMarkdown(xxe))
                .isInstanceOfSatisfying(ReposixException.class,
                        failure -> assertThat(failure.errorCode()).isEqualTo(CodecErrorCode.MALFORMED_STORAGE));
        assertThatThrownBy(() -> codec.toMarkdown("<p>&xxe;</p>")).isInstanceOf(ReposixException.class);
    }

    @Test
    void entityExpansionBombsCannotBeDeclared() {
        String bomb = "<!DOCTYPE p [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><p>&b;</p>";
        assertThatThrownBy(() -> codec.toMarkdown(bomb)).isInstanceOf(ReposixException.class);
    }

    @Test
    void theCanonicalizerReadsStorageTheSameWay() {
        assertThatThrownBy(() -> new StorageCanonicalizer().canonicalize("<p>open"))
                .isInstanceOfSatisfying(ReposixException.class,
                        failure -> assertThat(failure.errorCode()).isEqualTo(CodecErrorCode.MALFORMED_STORAGE));
    }
}
