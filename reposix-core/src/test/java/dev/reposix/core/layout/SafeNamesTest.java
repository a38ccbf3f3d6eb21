package dev.reposix.core.layout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reposix.api.RecordId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SafeNamesTest {

    @Test
    void hostileTitlesBecomeSafeReadableNames() {
        Map<String, String> expected = Map.ofEntries(
                Map.entry("../../etc/passwd", "%2E.%2F..%2Fetc%2Fpasswd"),
                Map.entry("CON", "%43ON"),
                Map.entry("con.txt", "%63on.txt"),
                Map.entry("Lpt9", "%4Cpt9"),
                Map.entry("COM¹", "%43OM¹"),
                Map.entry("CONTEXT", "CONTEXT"),
                Map.entry("a/b", "a%2Fb"),
                Map.entry("a\\b", "a%5Cb"),
                Map.entry(".hidden", "%2Ehidden"),
                Map.entry("trailing. ", "trailing.%20"),
                Map.entry("trailing.", "trailing%2E"),
                Map.entry(" leading space", "%20leading space"),
                Map.entry("a:b*c?d\"e<f>g|h", "a%3Ab%2Ac%3Fd%22e%3Cf%3Eg%7Ch"),
                Map.entry("100% done", "100%25 done"),
                Map.entry("a%2Fb", "a%252Fb"),
                Map.entry("tilde~1", "tilde%7E1"),
                Map.entry("tab\tnew\nline", "tab%09new%0Aline"),
                Map.entry("README", "%52EADME"),
                Map.entry("notes.md", "notes%2Emd"),
                Map.entry("Runbook.assets", "Runbook%2Eassets"),
                Map.entry("evil\u202Egpj.exe", "evil%E2%80%AEgpj.exe"),
                Map.entry("rocket 🚀", "rocket 🚀"),
                Map.entry("שלום עולם", "שלום עולם"),
                Map.entry("", "Untitled"));
        expected.forEach((title, stem) -> assertThat(SafeNames.stem(title)).as(title).isEqualTo(stem));
    }

    @Test
    void gitNamesControlCharactersAndLongTitlesCannotEscapeOrHideInTheTree() {
        assertThat(SafeNames.stem(".git")).isEqualTo("%2Egit");
        assertThat(SafeNames.stem("..")).doesNotContain("/").isNotIn(".", "..");
        assertThat(SafeNames.stem(".")).isNotIn(".", "..");
        StringBuilder controls = new StringBuilder();
        for (char control = 0; control < 0x20; control++) {
            controls.append(control);
        }
        String controlStem = SafeNames.stem(controls.append('\u007F').toString());
        assertThat(controlStem.chars()).noneMatch(character -> character < 0x20 || character == 0x7F);
        assertThat(SafeNames.title(controlStem)).isEqualTo(controls.toString());
        String longTitle = "../" + "a".repeat(5000);
        assertThat(SafeNames.stem(longTitle)).doesNotContain("/").startsWith("%2E.%2F");
    }

    @Test
    void titlesAreNormalisedToNfc() {
        assertThat(SafeNames.stem("Cafe\u0301")).isEqualTo("Caf\u00e9");
    }

    @Test
    void escapedNamesDecodeBackToTheTitle() {
        for (String title : new String[] {"../../etc/passwd", "CON", "a%2Fb", "trailing. ", "tilde~1", "README",
            "notes.md", "rocket 🚀", "evil\u202Egpj"}) {
            assertThat(SafeNames.title(SafeNames.stem(title))).as(title).isEqualTo(title);
        }
        assertThat(SafeNames.title("100% done")).isEqualTo("100% done");
        assertThat(SafeNames.title("bad%FFbyte")).isEqualTo("bad%FFbyte");
    }

    @Test
    void idTokensAreShortSafeAndReservedNamesEscaped() {
        assertThat(SafeNames.idToken(RecordId.of("65537"))).isEqualTo("65537");
        assertThat(SafeNames.idToken(RecordId.of("PROJ-12"))).isEqualTo("PROJ-12");
        assertThat(SafeNames.idToken(RecordId.of("a/b.md"))).isEqualTo("a%2Fb%2Emd");
        assertThat(SafeNames.idToken(RecordId.of("nul"))).isEqualTo("%6Eul");
        assertThat(SafeNames.idToken(RecordId.of("x".repeat(200)))).hasSize(25).startsWith("h");
    }
}
