package dev.reposix.core.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reposix.api.ReposixException;
import dev.reposix.core.render.RenderErrorCode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TreeConfigTest {

    @Test
    void rendersAStableGitConfigFileThatParsesBack() {
        TreeConfig config = TreeConfig.of("confluence", "ENG", LayoutKind.TREE);

        String text = config.render();

        assertThat(text).isEqualTo("""
                # Written by reposix and read by every reposix command; do not edit.
                [reposix]
                \tscheme = "confluence"
                \tproject = "ENG"
                \tlayout = "tree"
                \trecordsFolder = "pages"
                \trenderVersion = 1
                """);
        assertThat(parse(text)).isEqualTo(config);
        assertThat(parse(text).render()).isEqualTo(text);
        assertThat(config.gitattributes()).isEqualTo("pages/** text eol=lf\npages/**/*.assets/** binary\n");
        assertThat(config.toLayout()).isEqualTo(TreeLayout.standard());
    }

    @Test
    void oddProjectsAndOtherSettingsRoundTrip() {
        TreeConfig config = new TreeConfig("my-tracker", "~jane \"quoted\" \\ #;", LayoutKind.FLAT, "docs/wiki", 1);
        assertThat(parse(config.render())).isEqualTo(config);
        assertThat(config.toLayout()).isEqualTo(new FlatLayout("docs/wiki"));
        assertThat(config.gitattributes()).isEqualTo("docs/wiki/** text eol=lf\ndocs/wiki/**/*.assets/** binary\n");
    }

    @Test
    void acceptsWhatGitConfigWouldWrite() {
        String edited = "[reposix]\r\n  scheme = confluence ; comment\n PROJECT=ENG\nlayout = flat\n"
                + "recordsfolder = pages\nrenderversion = 1 # current\n";
        assertThat(parse(edited)).isEqualTo(TreeConfig.of("confluence", "ENG", LayoutKind.FLAT));
    }

    @Test
    void refusesWhatItDoesNotUnderstandNamingTheLine() {
        String valid = TreeConfig.of("confluence", "ENG", LayoutKind.TREE).render();
        assertInvalid(valid + "\tcolour = \"blue\"\n", RenderErrorCode.TREE_CONFIG_INVALID,
                ".reposix/config:8: unknown key 'colour'");
        assertInvalid(valid.replace("\tproject = \"ENG\"\n", ""), RenderErrorCode.TREE_CONFIG_INVALID,
                "key 'project' is missing");
        assertInvalid(valid.replace("\"tree\"", "\"nested\""), RenderErrorCode.TREE_CONFIG_INVALID,
                "layout must be");
        assertInvalid(valid.replace("\"pages\"", "\"../up\""), RenderErrorCode.TREE_CONFIG_INVALID, "records folder");
        assertInvalid(valid.replace("\"ENG\"", "\"ENG"), RenderErrorCode.TREE_CONFIG_INVALID,
                ".reposix/config:4: the quoted value is not closed");
        assertInvalid(valid + "[other]\n", RenderErrorCode.TREE_CONFIG_INVALID, ".reposix/config:8:");
        assertInvalid(valid.replace("renderVersion = 1", "renderVersion = 2"), RenderErrorCode.RENDER_VERSION_UNSUPPORTED,
                "upgrade reposix");
        assertThatThrownBy(() -> TreeConfig.parse(new byte[] {(byte) 0xFF}))
                .isInstanceOfSatisfying(ReposixException.class,
                        error -> assertThat(error.errorCode()).isEqualTo(RenderErrorCode.NOT_UTF8));
    }

    private static TreeConfig parse(String text) {
        return TreeConfig.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertInvalid(String text, RenderErrorCode code, String message) {
        assertThatThrownBy(() -> parse(text)).isInstanceOfSatisfying(ReposixException.class, error -> {
            assertThat(error.errorCode()).isEqualTo(code);
            assertThat(error.getMessage()).contains(message);
        });
    }
}
