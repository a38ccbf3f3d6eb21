package dev.reposix.cli;

import dev.reposix.api.Capability;
import dev.reposix.api.Setting;
import dev.reposix.api.SourceOfTruthProvider;
import dev.reposix.core.Reposix;
import dev.reposix.core.provider.ProviderLoadProblem;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code reposix backends}: the backends found, their capabilities and settings. */
@Command(name = "backends", mixinStandardHelpOptions = true,
        description = {
            "List the installed backends, their operations and settings.",
            "",
            "List the backends reposix found (built in, or jars on REPOSIX_CLASSPATH or in plugins/),",
            "with the operations they support and the settings they read. Shows whether each",
            "setting's variable is set, never its value."
        })
final class BackendsCommand extends SessionCommand implements Callable<Integer> {

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Override
    public Integer call() {
        Reposix reposix = reposix();
        Map<String, String> environment = environment();
        List<BackendView> backends = new ArrayList<>();
        for (SourceOfTruthProvider provider : reposix.providers()) {
            backends.add(BackendView.of(provider, environment));
        }
        List<ProviderLoadProblem> problems = reposix.providerProblems();
        if (format == OutputFormat.JSON) {
            OutputFormat.printJson(out(), new BackendsView(backends, problems));
        } else {
            printText(out(), backends, problems);
        }
        return ExitCodes.OK;
    }

    private static void printText(PrintWriter out, List<BackendView> backends, List<ProviderLoadProblem> problems) {
        if (backends.isEmpty()) {
            out.println("No backends found. Put a backend jar on REPOSIX_CLASSPATH or in the plugins/ folder.");
        }
        for (BackendView backend : backends) {
            out.println(backend.scheme() + "  " + backend.description());
            out.println("  capabilities: read" + (backend.capabilities().isEmpty() ? "" : ", "
                    + String.join(", ", backend.capabilities())));
            int width = backend.settings().stream().mapToInt(setting -> setting.variable().length()).max().orElse(0);
            for (SettingView setting : backend.settings()) {
                out.printf("  %-" + width + "s  %-16s  %-7s  %s%n", setting.variable(),
                        (setting.required() ? "required" : "optional") + (setting.secret() ? ", secret" : ""),
                        setting.set() ? "set" : "not set", setting.help());
            }
        }
        if (!problems.isEmpty()) {
            out.println();
            out.println("Failed to load (the backends above still work):");
            for (ProviderLoadProblem problem : problems) {
                out.println("  " + problem.providerClass() + ": " + problem.reason());
            }
        }
        out.flush();
    }

    /** The JSON document of {@code reposix backends --format json}. */
    record BackendsView(List<BackendView> backends, List<ProviderLoadProblem> problems) {
    }

    /** One backend. */
    record BackendView(String scheme, String description, List<String> capabilities, List<SettingView> settings) {
        static BackendView of(SourceOfTruthProvider provider, Map<String, String> environment) {
            List<String> capabilities = new ArrayList<>();
            for (Capability capability : Capability.values()) {
                if (provider.capabilities().supports(capability)) {
                    capabilities.add(capability.name().toLowerCase(Locale.ROOT));
                }
            }
            List<SettingView> settings = new ArrayList<>();
            for (Setting setting : provider.settings()) {
                String value = environment.get(setting.environmentVariable());
                settings.add(new SettingView(setting.environmentVariable(), setting.name(), setting.required(),
                        setting.secret(), value != null && !value.isBlank(), setting.help()));
            }
            return new BackendView(provider.scheme(), provider.description(), capabilities, settings);
        }
    }

    /** One setting: never its value, only whether it is set. */
    record SettingView(String variable, String name, boolean required, boolean secret, boolean set, String help) {
    }
}
