package dev.reposix.simulator.seed;

import dev.reposix.simulator.internal.seed.DemoSpace;
import dev.reposix.simulator.internal.seed.PageGenerator;
import java.util.List;

/**
 * Ready-made seeds: the demo space and generated spaces for benchmarks. Both are deterministic.
 *
 * <p>Stateless, thread-safe.
 */
public final class Seeds {
    private Seeds() {
    }

    /**
     * The built-in demo space {@code DEMO} (31 pages, up to four levels, a folder, three authors,
     * labels, realistic storage XHTML: headings, lists, merged-cell tables, code/panel/status/
     * expand macros, task list, page links, images, an emoticon, an unknown macro), attachments (the
     * referenced images, one more image and a PDF) and its users.
     */
    public static Seed demo() {
        return new Seed(List.of(DemoSpace.build()), DemoSpace.USERS);
    }

    /**
     * A space of {@code pageCount} generated pages whose bodies average {@code averageBodyBytes},
     * plus the demo users. The same arguments always give the same seed.
     */
    public static Seed generated(String spaceKey, int pageCount, int averageBodyBytes, long randomSeed) {
        return new Seed(List.of(PageGenerator.generate(spaceKey, pageCount, averageBodyBytes, randomSeed)),
            DemoSpace.USERS);
    }

    /**
     * Like {@link #generated(String, int, int, long)}, plus a small PNG attached to every
     * {@code attachmentEvery}-th page and shown at the end of its body with
     * {@code <ac:image><ri:attachment/></ac:image>} (0: none, the same seed as without the argument).
     */
    public static Seed generated(String spaceKey, int pageCount, int averageBodyBytes, long randomSeed,
                                 int attachmentEvery) {
        if (attachmentEvery < 0) {
            throw new IllegalArgumentException("attachmentEvery must not be negative: " + attachmentEvery);
        }
        Seed plain = generated(spaceKey, pageCount, averageBodyBytes, randomSeed);
        if (attachmentEvery == 0) {
            return plain;
        }
        return new Seed(List.of(PageGenerator.withAttachments(plain.spaces().get(0), attachmentEvery)),
            plain.users());
    }
}
