package dev.reposix.core.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reposix.api.ReposixException;
import dev.reposix.api.SourceOfTruthProvider;
import dev.reposix.core.CoreErrorCode;
import dev.reposix.core.TestProviders;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProviderRegistryTest {

    @TempDir
    Path pluginDirectory;

    /** A class loader over a real plugin jar whose services file names the given classes. */
    private ClassLoader pluginLoader(String... providerClasses) throws IOException {
        Path jar = pluginDirectory.resolve("plugin.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("META-INF/services/" + SourceOfTruthProvider.class.getName()));
            out.write(("# providers of this plugin\n" + String.join("\n", providerClasses) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader());
    }

    @Test
    void explicitProvidersAreRegisteredBySchemeWithoutDiscovery() {
        ProviderRegistry registry = ProviderRegistry.create(List.of(new TestProviders.Alpha(), new TestProviders.Beta()), null);

        assertThat(registry.providers()).extracting(SourceOfTruthProvider::scheme).containsExactly("alpha", "beta");
        assertThat(registry.require("beta")).isInstanceOf(TestProviders.Beta.class);
        assertThat(registry.problems()).isEmpty();
    }

    @Test
    void serviceLoaderDiscoversProvidersFromTheGivenClassLoader() throws IOException {
        ProviderRegistry registry = ProviderRegistry.create(List.of(),
                pluginLoader(TestProviders.Alpha.class.getName(), TestProviders.Beta.class.getName()));

        assertThat(registry.providers()).extracting(SourceOfTruthProvider::scheme).containsExactly("alpha", "beta");
    }

    @Test
    void brokenProvidersAreReportedByClassNameWhileTheOthersLoad() throws IOException {
        ProviderRegistry registry = ProviderRegistry.create(List.of(), pluginLoader(
                "com.example.missing.GoneProvider",
                TestProviders.ThrowsOnConstruction.class.getName(),
                TestProviders.Beta.class.getName()));

        assertThat(registry.providers()).extracting(SourceOfTruthProvider::scheme).containsExactly("beta");
        assertThat(registry.problems()).extracting(ProviderLoadProblem::providerClass).containsExactlyInAnyOrder(
                "com.example.missing.GoneProvider", TestProviders.ThrowsOnConstruction.class.getName());
        assertThat(registry.problems()).anySatisfy(problem ->
                assertThat(problem.reason()).contains("needs a library that is not on the class path"));
    }

    @Test
    void twoProvidersForOneSchemeFailFastNamingBoth() throws IOException {
        ClassLoader loader = pluginLoader(TestProviders.AlphaImpostor.class.getName());

        assertThatThrownBy(() -> ProviderRegistry.create(List.of(new TestProviders.Alpha()), loader))
                .isInstanceOfSatisfying(ReposixException.class, error -> {
                    assertThat(error.errorCode()).isEqualTo(CoreErrorCode.DUPLICATE_SCHEME);
                    assertThat(error.getMessage())
                            .contains(TestProviders.Alpha.class.getName())
                            .contains(TestProviders.AlphaImpostor.class.getName());
                });
    }

    @Test
    void theSameProviderRegisteredAndDiscoveredIsNotADuplicate() throws IOException {
        ProviderRegistry registry = ProviderRegistry.create(List.of(new TestProviders.Alpha()),
                pluginLoader(TestProviders.Alpha.class.getName()));

        assertThat(registry.providers()).hasSize(1);
    }

    @Test
    void unknownSchemeNamesTheAvailableOnes() {
        ProviderRegistry registry = ProviderRegistry.create(List.of(new TestProviders.Alpha(), new TestProviders.Beta()), null);

        assertThatThrownBy(() -> registry.require("jira"))
                .isInstanceOfSatisfying(ReposixException.class, error -> {
                    assertThat(error.errorCode()).isEqualTo(CoreErrorCode.UNKNOWN_SCHEME);
                    assertThat(error.getMessage()).contains("'jira'").contains("alpha, beta");
                });
    }
}
