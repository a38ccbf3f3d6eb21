package dev.reposix.testkit;

import static java.util.stream.Collectors.toSet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.reposix.api.Capabilities;
import dev.reposix.api.Capability;
import dev.reposix.api.RecordStatus;
import dev.reposix.api.SourceOfTruth;
import dev.reposix.api.SourceOfTruthProvider;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * Proves the contract catches real bugs: each planted bug in {@link BrokenBackends} makes exactly
 * the contract tests about that behaviour fail, and the correct backend passes the whole contract.
 * The contract subclasses are static nested classes, so surefire does not run them on their own.
 */
class SourceOfTruthContractHasTeethTest {

    private static final int PAGE_SIZE = 3;
    private static final String STALE_UPDATE = "updateWithStaleVersionIsAConflictAndChangesNothing";

    @Test
    void correctBackendPassesTheWholeContract() {
        EngineExecutionResults results = run(CorrectContractTest.class);

        assertThat(failedTestNames(results)).as("failed contract tests").isEmpty();
        assertThat(results.testEvents().started().count()).as("contract tests run").isEqualTo(contractTestCount());
        assertThat(testNames(results.testEvents().aborted().stream()))
                .as("contract tests skipped with every capability declared")
                .allMatch(name -> name.contains("Unsupported"));
    }

    @Test
    void ignoringTheExpectedVersionFailsTheStaleUpdateTest() {
        assertThat(failedTestNames(run(IgnoresExpectedVersionContractTest.class))).containsExactlyInAnyOrder(STALE_UPDATE);
    }

    @Test
    void writingDespiteReportingAConflictFailsTheStaleUpdateTest() {
        assertThat(failedTestNames(run(WritesDespiteConflictContractTest.class))).containsExactlyInAnyOrder(STALE_UPDATE);
    }

    @Test
    void ignoringTheRequestedStatusFailsTheStatusTests() {
        assertThat(failedTestNames(run(IgnoresStatusContractTest.class))).containsExactlyInAnyOrder(
                "updateSetsEachStatusTheBackendCanSet", "updateWithAStatusTheBackendCannotSetIsRefusedAndChangesNothing");
    }

    @Test
    void reportingAStoredBodyThatWasNotStoredFailsTheUpdateTest() {
        assertThat(failedTestNames(run(ReportsAnotherStoredBodyContractTest.class)))
                .containsExactlyInAnyOrder("updateWithTheCurrentVersionAppliesAndRaisesTheVersion");
    }

    @Test
    void droppingTheSecondPageFailsTheManifestTests() {
        // The attachment test seeds more records than a page holds and finds their ids in the manifest.
        assertThat(failedTestNames(run(DropsSecondPageContractTest.class))).containsExactlyInAnyOrder(
                "manifestListsEverySeededRecordOnceFollowingPaginationToTheEnd",
                "attachmentsOfManyRecordsComeBackFromOneCall");
    }

    @Test
    void deliveringRecordsTwiceFailsTheBulkReadTests() {
        assertThat(failedTestNames(run(DeliversRecordsTwiceContractTest.class))).containsExactlyInAnyOrder(
                "readRecordsReturnsExactlyTheRequestedRecordsWithBodiesAndLabels",
                "readRecordsSkipsUnknownIdsAndDeliversEachRecordOnce");
    }

    @Test
    void replacingLabelsInsteadOfApplyingDeltasFailsTheLabelTest() {
        assertThat(failedTestNames(run(ReplacesLabelsContractTest.class)))
                .containsExactlyInAnyOrder("updateAddsAndRemovesLabelsAsDeltas");
    }

    @Test
    void ignoringMaxBytesFailsTheAttachmentSizeTest() {
        assertThat(failedTestNames(run(IgnoresMaxBytesContractTest.class)))
                .containsExactlyInAnyOrder("readAttachmentRefusesAFileLargerThanMaxBytes");
    }

    @Test
    void reportingDeletedTwiceFailsTheDeleteTest() {
        assertThat(failedTestNames(run(AlwaysReportsDeletedContractTest.class)))
                .containsExactlyInAnyOrder("deleteRemovesTheRecordAndASecondDeleteFindsItAbsent");
    }

    @Test
    void understatingCapabilitiesFailsTheCapabilitiesTest() {
        assertThat(failedTestNames(run(UnderstatesCapabilitiesContractTest.class)))
                .containsExactlyInAnyOrder("declaredCapabilitiesAreTheExpectedOnes");
    }

    @Test
    void throwingIllegalStateForAnUnsupportedOperationFailsTheUnsupportedTests() {
        assertThat(failedTestNames(run(ThrowsIllegalStateContractTest.class))).containsExactlyInAnyOrder(
                "createIsUnsupportedWithoutTheCreateCapability",
                "updateIsUnsupportedWithoutTheUpdateCapability",
                "deleteIsUnsupportedWithoutTheDeleteCapability");
    }

    @Test
    void throwingAnotherErrorCodeForAnUnsupportedOperationFailsTheUnsupportedTests() {
        assertThat(failedTestNames(run(ThrowsWrongErrorCodeContractTest.class))).containsExactlyInAnyOrder(
                "createIsUnsupportedWithoutTheCreateCapability",
                "updateIsUnsupportedWithoutTheUpdateCapability",
                "deleteIsUnsupportedWithoutTheDeleteCapability");
    }

    private static EngineExecutionResults run(Class<? extends SourceOfTruthContract> contractTest) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(contractTest)).execute();
    }

    private static Set<String> failedTestNames(EngineExecutionResults results) {
        return testNames(results.testEvents().failed().stream());
    }

    private static Set<String> testNames(Stream<Event> events) {
        return events
                .map(Event::getTestDescriptor)
                .map(descriptor -> ((MethodSource) descriptor.getSource().orElseThrow()).getMethodName())
                .collect(toSet());
    }

    private static long contractTestCount() {
        return Arrays.stream(SourceOfTruthContract.class.getDeclaredMethods())
                .filter(method -> method.isAnnotationPresent(Test.class))
                .map(Method::getName)
                .count();
    }

    /** The contract against an in-memory backend seeded out-of-band and wrapped by a planted bug. */
    abstract static class WrappedInMemoryContractTest extends SourceOfTruthContract {
        private final Capabilities capabilities;
        private final UnaryOperator<SourceOfTruth> wrapper;
        private final InMemoryProvider provider;

        WrappedInMemoryContractTest(Capabilities capabilities, UnaryOperator<SourceOfTruth> wrapper) {
            this.capabilities = capabilities;
            this.wrapper = wrapper;
            this.provider = new InMemoryProvider(new InMemoryStore(), capabilities, PAGE_SIZE);
        }

        @Override
        protected SourceOfTruthProvider provider() {
            return provider;
        }

        @Override
        protected ContractFixture fixture() {
            return seeds -> {
                provider.store().seed("BROKEN", seeds);
                return () -> wrapper.apply(provider.open("BROKEN", TestingBackendContext.offline()));
            };
        }

        @Override
        protected Capabilities expectedCapabilities() {
            return capabilities;
        }

        @Override
        protected int listingPageSize() {
            return PAGE_SIZE;
        }

        @Override
        protected Set<RecordStatus> settableStatuses() {
            return InMemorySourceOfTruth.SETTABLE_STATUSES;
        }
    }

    static class CorrectContractTest extends WrappedInMemoryContractTest {
        CorrectContractTest() {
            super(Capabilities.all().with(Capability.ATTACHMENTS), UnaryOperator.identity());
        }
    }

    static class IgnoresExpectedVersionContractTest extends WrappedInMemoryContractTest {
        IgnoresExpectedVersionContractTest() {
            super(Capabilities.all().with(Capability.ATTACHMENTS), BrokenBackends.IgnoresExpectedVersion::new);
        }
    }

    static class WritesDespiteConflictContractTest extends WrappedInMemoryContractTest {
        WritesDespiteConflictContractTest() {
            super(Capabilities.all().with(Capability.ATTACHMENTS), BrokenBackends.WritesDespiteConflict::new);
        }
    }

    static class IgnoresStatusContractTest extends WrappedInMemoryContractTest {
        IgnoresStatusContractTest() {
            super(Capabilities.all().with(Capability.ATTACHMENTS), BrokenBackends.IgnoresStatus::new);
        }
    }

    static class ReportsAnotherStoredBodyContractTest extends WrappedInMemoryContractTest {
        ReportsAnotherStoredBodyContractTest() {
            super(Capabilities.all().with(Capability.ATTACHMENTS), BrokenBackends.ReportsAnotherStoredBody::new);
        }
    }

    static class DropsSecondPageContractTest extends WrappedInMemoryContractTest {
        DropsSecondPageContractTest() {
            super(Capabilities.all().with(Capability.ATTACHMENTS), correct -> new BrokenBackends.DropsSecondPage(correct, PAGE_SIZE));
        }
    }

    static class IgnoresMaxBytesContractTest extends WrappedInMemoryContractTest {
        IgnoresMaxBytesContractTest() {
            super(Capabilities.all().with(Capability.ATTACHMENTS), BrokenBackends.IgnoresMaxBytes::new);
        }
    }

    static class DeliversRecordsTwiceContractTest extends WrappedInMemoryContractTest {
        DeliversRecordsTwiceContractTest() {
            super(Capabilities.all().with(Capability.ATTACHMENTS), BrokenBackends.DeliversRecordsTwice::new);
        }
    }

    static class ReplacesLabelsContractTest extends WrappedInMemoryContractTest {
        ReplacesLabelsContractTest() {
            super(Capabilities.all().with(Capability.ATTACHMENTS), BrokenBackends.ReplacesLabelsInsteadOfApplyingDeltas::new);
        }
    }

    static class AlwaysReportsDeletedContractTest extends WrappedInMemoryContractTest {
        AlwaysReportsDeletedContractTest() {
            super(Capabilities.all().with(Capability.ATTACHMENTS), BrokenBackends.AlwaysReportsDeleted::new);
        }
    }

    static class UnderstatesCapabilitiesContractTest extends WrappedInMemoryContractTest {
        UnderstatesCapabilitiesContractTest() {
            super(Capabilities.all().with(Capability.ATTACHMENTS), BrokenBackends.UnderstatesCapabilities::new);
        }
    }

    static class ThrowsIllegalStateContractTest extends WrappedInMemoryContractTest {
        ThrowsIllegalStateContractTest() {
            super(Capabilities.READ_ONLY, BrokenBackends.ThrowsIllegalStateForUnsupported::new);
        }
    }

    static class ThrowsWrongErrorCodeContractTest extends WrappedInMemoryContractTest {
        ThrowsWrongErrorCodeContractTest() {
            super(Capabilities.READ_ONLY, BrokenBackends.ThrowsWrongErrorCodeForUnsupported::new);
        }
    }
}
