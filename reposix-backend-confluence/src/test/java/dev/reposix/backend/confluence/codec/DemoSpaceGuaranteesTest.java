package dev.reposix.backend.confluence.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reposix.api.RecordId;
import dev.reposix.simulator.seed.SeedPage;
import dev.reposix.simulator.seed.SeedSpace;
import dev.reposix.simulator.seed.Seeds;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The four guarantees on every page of the simulator's demo space, with its page links resolved. */
class DemoSpaceGuaranteesTest {

    private static final SeedSpace DEMO = Seeds.demo().spaces().get(0);

    /** Resolves titles of the demo space, as the backend would from the manifest. */
    private static final PageDirectory DIRECTORY = new PageDirectory() {
        @Override
        public Optional<RecordId> idOfTitle(String title) {
            return DEMO.pages().stream().filter(page -> page.title().equals(title)).findFirst()
                    .map(page -> RecordId.of(page.id()));
        }

        @Override
        public Optional<String> titleOf(RecordId id) {
            return DEMO.pages().stream().filter(page -> page.id().equals(id.value())).findFirst().map(SeedPage::title);
        }
    };

    static Stream<SeedPage> pages() {
        return DEMO.pages().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void everyDemoPageKeepsTheGuarantees(SeedPage page) {
        String markdown = new CodecGuarantees(new StorageCodec(DIRECTORY)).assertAll(page.body());

        if (page.body().contains("<ri:page ri:content-title=")) {
            assertThat(markdown).as("page links become neutral record links").contains("reposix:record/");
        }
    }
}
