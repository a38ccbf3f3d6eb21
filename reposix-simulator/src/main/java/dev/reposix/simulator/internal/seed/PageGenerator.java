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
import java.util.SplittableRandom;

/**
 * Generates a space of N pages whose storage bodies average a given size, deterministically from
 * a seed. Pages form a tree (each page's parent is an earlier page, so depth grows with N) and
 * bodies mix paragraphs, lists and the occasional code macro. Linear in N and body size: 10,000
 * pages of 2 KB take well under a second. Stateless, thread-safe.
 */
public final class PageGenerator {
    private static final String[] WORDS = {
        "sync", "mirror", "cache", "page", "space", "version", "label", "commit", "branch", "render",
        "storage", "markdown", "conflict", "lease", "remote", "helper", "tree", "title", "body", "audit",
        "quickly", "carefully", "small", "large", "stable", "fresh", "shared", "local", "upstream", "exact"};
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private PageGenerator() {
    }

    /** Generates the space; page ids start at {@code 2_000_001}, the space id is {@code 2_000_000}. */
    public static SeedSpace generate(String spaceKey, int pageCount, int averageBodyBytes, long randomSeed) {
        if (pageCount < 1) {
            throw new IllegalArgumentException("pageCount must be at least 1: " + pageCount);
        }
        SplittableRandom random = new SplittableRandom(randomSeed);
        List<SeedUser> users = DemoSpace.USERS;
        List<SeedPage> pages = new ArrayList<>(pageCount);
        long firstId = 2_000_001L;
        for (int index = 0; index < pageCount; index++) {
            String id = Long.toString(firstId + index);
            String parentId = index == 0 ? null : Long.toString(firstId + parentIndex(index, random));
            String author = users.get(random.nextInt(users.size())).accountId();
            String editor = users.get(random.nextInt(users.size())).accountId();
            Instant created = START.plus(Duration.ofMinutes(10L * index));
            int versions = 1 + random.nextInt(5);
            Instant modified = created.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 30) + 1L));
            String title = String.format("%s page %05d %s", spaceKey, index, WORDS[random.nextInt(WORDS.length)]);
            String body = body(random, Math.max(16, averageBodyBytes / 2 + random.nextInt(averageBodyBytes + 1)));
            List<String> labels = index % 7 == 0 ? List.of("generated", WORDS[index % WORDS.length]) : List.of();
            pages.add(new SeedPage(id, title, parentId, "current", author, created, versions, editor, modified, body,
                labels));
        }
        return new SeedSpace("2000000", spaceKey, "Generated " + spaceKey, users.get(0).accountId(), START,
            Long.toString(firstId), List.of("generated"), List.<SeedFolder>of(), pages);
    }

    /**
     * The space with one small PNG ({@code figure-NNNNN.png}) attached to every
     * {@code attachmentEvery}-th page, whose body then ends with an {@code <ac:image>} of it; ids
     * start at {@code 3_000_001}. Other pages are unchanged.
     */
    public static SeedSpace withAttachments(SeedSpace space, int attachmentEvery) {
        if (attachmentEvery < 1) {
            throw new IllegalArgumentException("attachmentEvery must be at least 1: " + attachmentEvery);
        }
        List<SeedAttachment> attachments = new ArrayList<>();
        List<SeedPage> pages = new ArrayList<>(space.pages());
        for (int index = 0; index < pages.size(); index += attachmentEvery) {
            SeedPage page = pages.get(index);
            String fileName = String.format("figure-%05d.png", index);
            attachments.add(new SeedAttachment(Long.toString(3_000_001L + attachments.size()), page.id(),
                fileName, "image/png", "", 1, page.authorId(), page.createdAt(),
                SampleFiles.png(8 + index % 8, 8, 0x102030 * (1 + index % 7))));
            pages.set(index, new SeedPage(page.id(), page.title(), page.parentId(), page.status(), page.authorId(),
                page.createdAt(), page.versionNumber(), page.versionAuthorId(), page.versionCreatedAt(),
                page.body() + StorageSamples.image(fileName), page.labels()));
        }
        return new SeedSpace(space.id(), space.key(), space.name(), space.authorId(), space.createdAt(),
            space.homepageId(), space.labels(), space.folders(), pages, attachments);
    }

    /** Mostly near parents, sometimes far ones, so the tree is both deep and bushy. */
    private static int parentIndex(int index, SplittableRandom random) {
        if (random.nextInt(4) == 0) {
            return random.nextInt(index);
        }
        return Math.max(0, index - 1 - random.nextInt(Math.min(index, 8)));
    }

    private static String body(SplittableRandom random, int targetBytes) {
        StringBuilder body = new StringBuilder(targetBytes + 64);
        while (body.length() < targetBytes) {
            int kind = random.nextInt(10);
            if (kind == 0) {
                body.append("<h2>").append(words(random, 3)).append("</h2>");
            } else if (kind == 1) {
                body.append("<ul><li><p>").append(words(random, 5)).append("</p></li><li><p>")
                    .append(words(random, 4)).append("</p></li></ul>");
            } else if (kind == 2) {
                body.append(StorageSamples.codeMacro("java", "int x = " + random.nextInt(1000) + ";"));
            } else {
                body.append("<p>").append(words(random, 12)).append(" <strong>")
                    .append(words(random, 2)).append("</strong>.</p>");
            }
        }
        return body.toString();
    }

    private static String words(SplittableRandom random, int count) {
        StringBuilder text = new StringBuilder();
        for (int index = 0; index < count; index++) {
            if (index > 0) {
                text.append(' ');
            }
            text.append(WORDS[random.nextInt(WORDS.length)]);
        }
        return text.toString();
    }
}
