package dev.reposix.cli;

import dev.reposix.backend.confluence.ConfluenceProvider;
import dev.reposix.backend.confluence.ConfluenceSpace;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code reposix spaces}: the Confluence spaces the configured account can read. */
@Command(name = "spaces", mixinStandardHelpOptions = true,
        description = {
            "List the Confluence spaces the configured account can read (key and name).",
            "Uses ATLASSIAN_EMAIL, ATLASSIAN_API_KEY and REPOSIX_CONFLUENCE_TENANT or REPOSIX_CONFLUENCE_BASE_URL."
        })
final class SpacesCommand extends SessionCommand implements Callable<Integer> {

    @Option(names = "--format", defaultValue = "table", description = "table or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Override
    public Integer call() {
        List<ConfluenceSpace> spaces = reposix().withBackend("confluence", (provider, settings, context) ->
                ((ConfluenceProvider) provider).spaces(settings, context));
        if (format == OutputFormat.JSON) {
            OutputFormat.printJson(out(), spaces.stream().map(space -> new SpaceView(space.key(), space.name())).toList());
            return ExitCodes.OK;
        }
        int width = spaces.stream().mapToInt(space -> space.key().length()).max().orElse(3);
        for (ConfluenceSpace space : spaces) {
            out().printf("%-" + width + "s  %s%n", space.key(), space.name());
        }
        out().flush();
        return ExitCodes.OK;
    }

    /** A space as printed. */
    record SpaceView(String key, String name) {
    }
}
