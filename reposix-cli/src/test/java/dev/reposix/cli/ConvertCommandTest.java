package dev.reposix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConvertCommandTest {

    private static final String STORAGE = "<h1>Deploy</h1><p>Run <strong>all</strong> steps.</p>"
            + "<ac:structured-macro ac:name=\"code\"><ac:parameter ac:name=\"language\">bash</ac:parameter>"
            + "<ac:plain-text-body><![CDATA[./deploy.sh]]></ac:plain-text-body></ac:structured-macro>";

    @TempDir
    Path directory;

    private final CliRunner cli = new CliRunner();

    private int run(String... args) {
        return cli.run(Map.of(), getClass().getClassLoader(), args);
    }

    @Test
    void storageBecomesMarkdownAndGoesBackToTheSameStorage() throws Exception {
        Path page = Files.writeString(directory.resolve("page.xml"), STORAGE);
        assertThat(run("convert", "--to", "markdown", page.toString())).as(cli.stderr()).isZero();
        String markdown = cli.stdout();
        assertThat(markdown).contains("# Deploy").contains("**all**").contains("```bash\n./deploy.sh\n```");

        Path markdownFile = Files.writeString(directory.resolve("page.md"), markdown);
        Path back = directory.resolve("back.xml");
        assertThat(run("convert", "--to", "storage", markdownFile.toString(), "--output", back.toString())).as(cli.stderr()).isZero();

        Files.writeString(markdownFile, Files.readString(back));
        assertThat(run("convert", "--to", "markdown", markdownFile.toString())).isZero();
        assertThat(cli.stdout()).isEqualTo(markdown);
    }

    @Test
    void malformedStorageIsReportedWithItsCodeAsConfluenceContentWouldBe() throws Exception {
        Path page = Files.writeString(directory.resolve("bad.xml"), "<p>open <strong>never closed</p>");

        assertThat(run("convert", "--to", "markdown", page.toString())).isEqualTo(ExitCodes.EXTERNAL);
        assertThat(cli.stderr()).contains("RPX-2101").doesNotContain("Exception");
    }

    @Test
    void missingFileAndNonUtf8InputAreUsageErrors() throws Exception {
        assertThat(run("convert", "--to", "markdown", directory.resolve("nope.xml").toString())).isEqualTo(ExitCodes.USER);
        assertThat(cli.stderr()).contains("no such file");

        Path latin1 = directory.resolve("latin1.md");
        Files.write(latin1, "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(run("convert", "--to", "storage", latin1.toString())).isEqualTo(ExitCodes.USER);
        assertThat(cli.stderr()).contains("not UTF-8");
    }

    @Test
    void directionIsRequired() {
        assertThat(run("convert")).isEqualTo(ExitCodes.USER);
        assertThat(cli.stderr()).contains("--to");
    }
}
