package dev.reposix.simulator.internal.seed;

import dev.reposix.simulator.seed.SeedAttachment;
import dev.reposix.simulator.seed.SeedFolder;
import dev.reposix.simulator.seed.SeedPage;
import dev.reposix.simulator.seed.SeedSpace;
import dev.reposix.simulator.seed.SeedUser;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The built-in demo space {@code DEMO}: 31 pages up to four levels deep, a folder, three authors,
 * edits spread over weeks, labels, bodies covering every storage construct the converter must
 * handle, and attachments (three images and a PDF, each referenced from its page's body with
 * {@code <ac:image><ri:attachment/>} or {@code <ac:link><ri:attachment/>}). Deterministic: the
 * same call yields the same seed. Stateless entry point, thread-safe.
 */
public final class DemoSpace {
    /** The demo authors. */
    public static final List<SeedUser> USERS = List.of(
        new SeedUser("5b10a2844c20165700ede21g", "Alice Archer", "alice@example.com"),
        new SeedUser("5b10ac8d82e05b22cc7d4ef5", "Bob Builder", "bob@example.com"),
        new SeedUser("6123f0c1d2e3f4a5b6c7d8e9", "Carol Coder", "carol@example.com"));

    private static final Instant START = Instant.parse("2026-09-01T08:00:00Z");
    private static final String SPACE_ID = "131073";

    private final List<SeedPage> pages = new ArrayList<>();
    private final List<SeedAttachment> attachments = new ArrayList<>();
    private long nextId = 1_000_001;

    private DemoSpace() {
    }

    /** Builds the demo space. */
    public static SeedSpace build() {
        return new DemoSpace().space();
    }

    private SeedSpace space() {
        String home = page("DEMO Home", null, StorageSamples.richText("the reposix demo space")
            + StorageSamples.panel("info", "Welcome! Every page here is a Markdown file after <em>reposix init</em>."),
            "home");
        String started = page("Getting Started", home, StorageSamples.richText("getting started")
            + StorageSamples.taskList(), "guide");
        String install = page("Installation", started, StorageSamples.richText("installation")
            + StorageSamples.codeMacro("bash", "curl -sSL https://example.com/install.sh | sh\nreposix --version"),
            "guide", "install");
        page("Installing on Linux", install, StorageSamples.codeMacro("bash", "sudo apt-get install git\n"
            + "tar -xzf reposix.tar.gz && ./reposix doctor"), "install", "linux");
        page("Installing on macOS", install, StorageSamples.codeMacro("bash", "brew install git\n"
            + "xattr -d com.apple.quarantine reposix"), "install", "macos");
        String config = page("Configuration", started, StorageSamples.richText("configuration")
            + StorageSamples.mergedTable(), "guide");
        page("Environment Variables", config, StorageSamples.codeMacro("properties",
            "ATLASSIAN_EMAIL=me@example.com\nATLASSIAN_API_KEY=<secret>") + StorageSamples.panel("warning",
            "Never commit the API key."), "config");
        page("First Sync", started, StorageSamples.pageLink("Installation") + StorageSamples.taskList(), "guide");
        String architecture = page("Architecture", home, StorageSamples.richText("architecture")
            + StorageSamples.image("architecture-overview.png"), "design");
        page("Cache Layout", architecture, StorageSamples.mergedTable()
            + StorageSamples.codeMacro("text", "~/.cache/reposix/confluence-DEMO.git"), "design");
        String helper = page("Remote Helper", architecture, StorageSamples.richText("the remote helper"), "design");
        page("Push Protocol", helper, StorageSamples.codeMacro("java",
            "if (a < b && b > c) {\n    System.out.println(\"<ok>\");\n}") + StorageSamples.panel("note",
            "Pushes are checked against the current version."), "design", "protocol");
        page("Conflict Handling", architecture, StorageSamples.panel("warning", "A stale version gets 409.")
            + StorageSamples.pageLink("Push Protocol"), "design");
        String howTo = page("How-To Guides", home, StorageSamples.richText("how-to guides"), "howto");
        page("Write Code Samples", howTo, StorageSamples.codeMacro("python", "def greet(name):\n"
            + "    return f\"Hello, {name}!\"  # ]] inside CDATA is fine here") , "howto", "code");
        page("Use Panels", howTo, StorageSamples.panel("info", "Info panel") + StorageSamples.panel("note",
            "Note panel") + StorageSamples.panel("warning", "Warning panel") + StorageSamples.panel("tip",
            "Tip panel"), "howto");
        page("Track Tasks", howTo, StorageSamples.taskList(), "howto", "tasks");
        page("Format Tables", howTo, StorageSamples.mergedTable(), "howto", "tables");
        page("Link Pages", howTo, StorageSamples.pageLink("Format Tables") + StorageSamples.pageLink("DEMO Home"),
            "howto");
        String images = page("Embed Images", howTo, StorageSamples.image("screenshot.png")
            + StorageSamples.image("diagram.png"), "howto");
        page("Status and Expand", howTo, StorageSamples.emoticonStatusExpand(), "howto");
        page("Third-Party Macros", howTo, StorageSamples.unknownMacro()
            + "<p>The macro above comes from an app reposix does not know.</p>", "howto");
        String releases = page("Release Notes", home, StorageSamples.richText("release notes"), "releases");
        page("Release 0.1", releases, StorageSamples.richText("release 0.1") + StorageSamples.emoticonStatusExpand(),
            "releases");
        String release02 = page("Release 0.2", releases, StorageSamples.richText("release 0.2")
            + StorageSamples.attachmentLink("release-notes-0.2.pdf"), "releases");
        String team = page("Team", home, StorageSamples.mergedTable(), "team");
        page("Meeting Notes 2026-10-05", team, StorageSamples.taskList() + StorageSamples.pageLink("Team"), "meeting");
        page("FAQ", home, StorageSamples.richText("frequent questions") + StorageSamples.panel("tip",
            "Use <code>reposix doctor</code> first."), "faq");
        page("Glossary", home, "<p><strong>SoT</strong>: source of truth. <em>Cache</em>: a bare git repo.</p>");
        String archiveFolder = Long.toString(nextId++);
        page("Old Roadmap", archiveFolder, StorageSamples.unknownMacro() + StorageSamples.richText("the old roadmap"),
            "archive");
        page("Retired Ideas", archiveFolder, "<p>Ideas we dropped, kept for the record.</p>", "archive");
        // Attachment ids come after every page and folder id so the page ids stay as they were.
        attach(architecture, "architecture-overview.png", "image/png", SampleFiles.png(48, 32, 0x2f6fdf));
        attach(images, "screenshot.png", "image/png", SampleFiles.png(64, 40, 0x36b37e));
        attach(images, "diagram.png", "image/png", SampleFiles.png(16, 16, 0xff5630));
        attach(release02, "release-notes-0.2.pdf", "application/pdf", SampleFiles.pdf("reposix 0.2 release notes"));
        SeedFolder archive = new SeedFolder(archiveFolder, "Archive", home, USERS.get(0).accountId(), START);
        return new SeedSpace(SPACE_ID, "DEMO", "reposix Demo", USERS.get(0).accountId(), START, home,
            List.of("demo", "documentation"), List.of(archive), pages, attachments);
    }

    private void attach(String pageId, String fileName, String mediaType, byte[] data) {
        SeedUser author = USERS.get(attachments.size() % USERS.size());
        Instant created = START.plus(Duration.ofDays(10L + attachments.size()));
        attachments.add(new SeedAttachment(Long.toString(nextId++), pageId, fileName, mediaType, "", 1,
            author.accountId(), created, data));
    }

    private String page(String title, String parentId, String body, String... labels) {
        int index = pages.size();
        String id = Long.toString(nextId++);
        SeedUser author = USERS.get(index % USERS.size());
        SeedUser editor = USERS.get((index + 1) % USERS.size());
        Instant created = START.plus(Duration.ofHours(7L * index));
        int versions = 1 + index % 4;
        Instant modified = versions == 1 ? created : created.plus(Duration.ofDays(3L + index % 5));
        String versionAuthor = versions == 1 ? author.accountId() : editor.accountId();
        pages.add(new SeedPage(id, title, parentId, "current", author.accountId(), created, versions, versionAuthor,
            modified, body, List.of(labels)));
        return id;
    }
}
