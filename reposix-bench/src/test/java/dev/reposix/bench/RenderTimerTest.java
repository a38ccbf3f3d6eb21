package dev.reposix.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reposix.simulator.seed.Seeds;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderTimerTest {

    @TempDir
    Path folder;

    @Test
    void launcherFlagsAreTheScriptsXxOptionsWithoutShellVariables() throws Exception {
        Path launcher = Files.writeString(folder.resolve("reposix"), "#!/bin/sh\n"
                + "exec \"$java\" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:SharedArchiveFile=$home/lib/a.jsa"
                + " -Xshare:auto -cp \"$cp\" dev.reposix.cli.Main \"$@\"\n");

        assertThat(RenderTimer.launcherFlags(launcher)).containsExactly("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    }

    @Test
    void renderingCountsEveryBody() {
        RenderTimer.Rendering rendering = RenderTimer.render(
                Seeds.generated("T", 20, 500, 1L).spaces().get(0).pages());

        assertThat(rendering.bodies()).isEqualTo(20);
        assertThat(rendering.markdownBytes()).isPositive();
        assertThat(rendering.storageBytes()).isPositive();
    }
}
