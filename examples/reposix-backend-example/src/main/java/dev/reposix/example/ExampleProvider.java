package dev.reposix.example;

import static java.util.Objects.requireNonNull;

import dev.reposix.api.BackendContext;
import dev.reposix.api.Capabilities;
import dev.reposix.api.Capability;
import dev.reposix.api.ErrorCode;
import dev.reposix.api.ReposixException;
import dev.reposix.api.Setting;
import dev.reposix.api.Settings;
import dev.reposix.api.SourceOfTruth;
import dev.reposix.api.SourceOfTruthProvider;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A small third-party backend, scheme {@code example}: each project is a folder under the directory
 * {@code REPOSIX_EXAMPLE_DIR}, each record a {@code <id>.properties} file in it. Copy it to start a
 * backend of your own. Stateless, cheap to construct and thread-safe.
 *
 * @since 0.1
 */
public final class ExampleProvider implements SourceOfTruthProvider {

    /** The scheme, {@code example}. */
    public static final String SCHEME = "example";

    /** The name of the directory setting. */
    public static final String DIRECTORY_SETTING = "directory";

    /** What this backend can do: every record operation, no attachments. */
    public static final Capabilities CAPABILITIES = Capabilities.of(Capability.CREATE, Capability.UPDATE,
            Capability.DELETE, Capability.LABELS, Capability.HIERARCHY);

    private static final List<Setting> SETTINGS = List.of(Setting.required(DIRECTORY_SETTING, "REPOSIX_EXAMPLE_DIR",
            "an existing directory; each project is a folder in it"));

    // Letters, digits and a few safe marks, never starting with '.', so a key cannot climb out of the directory.
    private static final Pattern PROJECT_KEY = Pattern.compile("[A-Za-z0-9~_-][A-Za-z0-9._~-]{0,99}");

    /** For {@link java.util.ServiceLoader}. */
    public ExampleProvider() {
        // nothing to prepare: no I/O before open
    }

    @Override
    public String scheme() {
        return SCHEME;
    }

    @Override
    public String description() {
        return "records as .properties files in a local directory (example third-party backend)";
    }

    @Override
    public List<Setting> settings() {
        return SETTINGS;
    }

    @Override
    public Capabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public List<ErrorCode> errorCodes() {
        return List.of(ExampleErrorCode.values());
    }

    @Override
    public SourceOfTruth open(String project, Settings settings, BackendContext context) {
        requireNonNull(project, "project is null");
        requireNonNull(context, "context is null");
        if (!PROJECT_KEY.matcher(project).matches()) {
            throw new ReposixException(ExampleErrorCode.INVALID_PROJECT_KEY,
                    "project key '" + project + "' is not a safe folder name; use letters, digits, '.', '_', '~' and '-'");
        }
        Path directory = directory(settings.require(DIRECTORY_SETTING));
        return new ExampleSourceOfTruth(new ProjectFolder(directory.resolve(project)), context);
    }

    private static Path directory(String value) {
        try {
            Path directory = Path.of(value);
            if (Files.isDirectory(directory)) {
                return directory;
            }
        } catch (InvalidPathException invalid) {
            // reported below with the remedy
        }
        throw new ReposixException(ExampleErrorCode.DIRECTORY_UNUSABLE,
                "REPOSIX_EXAMPLE_DIR=" + value + " is not an existing directory; create it or point the variable elsewhere");
    }
}
