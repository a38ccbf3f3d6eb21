package dev.reposix.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.reposix.api.Attachment;
import dev.reposix.api.Capabilities;
import dev.reposix.api.Capability;
import dev.reposix.api.DeleteOutcome;
import dev.reposix.api.ErrorCode;
import dev.reposix.api.ManifestEntry;
import dev.reposix.api.NewRecord;
import dev.reposix.api.Record;
import dev.reposix.api.RecordId;
import dev.reposix.api.RecordKind;
import dev.reposix.api.RecordStatus;
import dev.reposix.api.RecordUpdate;
import dev.reposix.api.ReposixException;
import dev.reposix.api.Setting;
import dev.reposix.api.SourceOfTruth;
import dev.reposix.api.SourceOfTruthProvider;
import dev.reposix.api.StandardErrorCode;
import dev.reposix.api.UpdateOutcome;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every backend runs: subclass it (name the subclass {@code ...ContractTest}) and
 * supply the provider, a {@link ContractFixture} and the expected {@link Capabilities}. Each optional
 * operation is checked in both directions: declared, it works; absent, it fails with exactly
 * {@link StandardErrorCode#UNSUPPORTED_OPERATION} and changes nothing. Tests that do not apply to
 * the declared capabilities are skipped, not passed.
 *
 * <p>Bodies are compared after {@link #normalizeBody(String)}. Every source of truth the contract
 * opens is closed after each test. Not thread-safe: JUnit creates one instance per test.
 *
 * @since 0.1
 */
public abstract class SourceOfTruthContract {

    /** A file name with a space and a non-ASCII letter, and bytes that are not text. */
    private static final String ATTACHMENT_NAME = "Flow chart \u00fc.png";
    private static final byte[] ATTACHMENT_BYTES = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0, (byte) 0xff, '-', '-'};

    private final List<SourceOfTruth> openedSourcesOfTruth = new ArrayList<>();
    private ContractProject project;

    /**
     * The provider under test.
     *
     * @return the provider
     */
    protected abstract SourceOfTruthProvider provider();

    /**
     * Prepares a fresh project per test; called once per test.
     *
     * @return the fixture
     */
    protected abstract ContractFixture fixture();

    /**
     * The capabilities the backend must declare, and is held to.
     *
     * @return the expected capabilities
     */
    protected abstract Capabilities expectedCapabilities();

    /**
     * How many records one page of the backend's listing holds, so the manifest test can seed more
     * than two pages; keep the backend's page small in tests. Defaults to 5.
     *
     * @return the page size
     */
    protected int listingPageSize() {
        return 5;
    }

    /**
     * The statuses an update can set on a current record. The backend must refuse an update asking
     * for any other status with {@link StandardErrorCode#REJECTED_BY_SOURCE} and change nothing.
     * Defaults to {@link RecordStatus#CURRENT} alone, which every backend can keep.
     *
     * @return the statuses {@link RecordUpdate#withStatus} may ask for
     */
    protected Set<RecordStatus> settableStatuses() {
        return Set.of(RecordStatus.CURRENT);
    }

    /**
     * An id that is well-formed for the backend but names no record. Override when the backend's
     * ids have a fixed shape (for example digits only).
     *
     * @return an unknown id
     */
    protected RecordId unknownRecordId() {
        return RecordId.of("999999999");
    }

    /**
     * Brings a body into the form in which two bodies are compared; the default ignores leading and
     * trailing whitespace. Override for backends that normalise Markdown on the way through.
     *
     * @param body a body as written or read
     * @return the comparable form
     */
    protected String normalizeBody(String body) {
        return body.strip();
    }

    /**
     * Creates the test's project with these records and opens a first instance on it.
     *
     * @param seeds the records
     * @return the opened source of truth, closed after the test
     */
    protected final SourceOfTruth givenProject(List<SeedRecord> seeds) {
        if (project != null) {
            throw new IllegalStateException("a contract test creates one project only");
        }
        project = fixture().createProject(seeds);
        return openAnother();
    }

    /**
     * Opens another instance on the test's project, as a second, concurrent client would.
     *
     * @return the opened source of truth, closed after the test
     */
    protected final SourceOfTruth openAnother() {
        if (project == null) {
            throw new IllegalStateException("call givenProject first");
        }
        SourceOfTruth opened = project.open();
        openedSourcesOfTruth.add(opened);
        return opened;
    }

    /**
     * The manifest without the project's {@linkplain SourceOfTruth#homeRecord() home record}: a
     * backend may give every project one (a Confluence space's homepage), so the contract compares
     * only the records it seeded or created.
     *
     * @param sourceOfTruth an opened project
     * @return its manifest less the home record
     */
    protected static List<ManifestEntry> manifestOf(SourceOfTruth sourceOfTruth) {
        Optional<RecordId> home = sourceOfTruth.homeRecord();
        return sourceOfTruth.manifest().stream().filter(entry -> home.filter(entry.id()::equals).isEmpty()).toList();
    }

    @AfterEach
    protected final void closeOpenedSourcesOfTruth() {
        for (SourceOfTruth opened : openedSourcesOfTruth) {
            opened.close();
        }
    }

    // ---- provider --------------------------------------------------------------------------

    @Test
    public void providerSchemeIsWellFormedAndEqualToTheSourceOfTruthsScheme() {
        String scheme = provider().scheme();
        assertThat(scheme).as("scheme").matches("[a-z][a-z0-9-]*");
        assertThat(provider().description()).as("description").isNotBlank();

        SourceOfTruth sourceOfTruth = givenProject(List.of());

        assertThat(sourceOfTruth.scheme()).as("scheme of the opened source of truth").isEqualTo(scheme);
    }

    @Test
    public void settingsAreWellFormedWithDistinctNamesAndVariables() {
        List<Setting> settings = provider().settings();

        assertThat(settings).as("settings").doesNotContainNull();
        assertThat(settings).extracting(Setting::name).as("setting names").doesNotHaveDuplicates();
        assertThat(settings).extracting(Setting::environmentVariable).as("environment variables").doesNotHaveDuplicates();
        assertThat(settings).allSatisfy(setting -> assertThat(setting.help()).as("help of " + setting.name()).isNotBlank());
    }

    @Test
    public void errorCodesAreWellFormedAndDistinct() {
        List<ErrorCode> codes = provider().errorCodes();

        assertThat(codes).as("error codes").doesNotContainNull();
        assertThat(codes).extracting(ErrorCode::info).as("error code descriptions").doesNotContainNull();
        assertThat(codes).extracting(ErrorCode::number).as("error code numbers").doesNotHaveDuplicates();
        assertThat(codes).allSatisfy(code -> {
            assertThat(code.code()).as("code").matches("RPX-\\d{4}");
            assertThat(code.name()).as("name of " + code.code()).matches("[A-Z][A-Z0-9_]*");
            assertThat(code.category()).as("category of " + code.code()).isNotNull();
            assertThat(code.info().cause()).as("cause of " + code.code()).isNotBlank();
            assertThat(code.info().remedy()).as("remedy of " + code.code()).isNotBlank();
        });
    }

    @Test
    public void declaredCapabilitiesAreTheExpectedOnes() {
        assertThat(provider().capabilities()).as("provider capabilities").isEqualTo(expectedCapabilities());

        SourceOfTruth sourceOfTruth = givenProject(List.of());

        assertThat(sourceOfTruth.capabilities()).as("source of truth capabilities").isEqualTo(expectedCapabilities());
    }

    // ---- reading ---------------------------------------------------------------------------

    @Test
    public void manifestListsEverySeededRecordOnceFollowingPaginationToTheEnd() {
        List<SeedRecord> seeds = seeds().numbered(2 * listingPageSize() + 1);
        SourceOfTruth sourceOfTruth = givenProject(seeds);

        List<ManifestEntry> manifest = manifestOf(sourceOfTruth);

        assertThat(manifest).extracting(ManifestEntry::id).as("ids in the manifest").doesNotHaveDuplicates();
        assertThat(manifest).extracting(ManifestEntry::title).as("titles in the manifest")
                .containsExactlyInAnyOrderElementsOf(seeds.stream().map(SeedRecord::title).toList());
        assertThat(manifest).allSatisfy(entry -> {
            assertThat(entry.version()).as("version of " + entry.title()).isGreaterThanOrEqualTo(1);
            assertThat(entry.status()).as("status of " + entry.title()).isEqualTo(RecordStatus.CURRENT);
            assertThat(entry.kind()).as("kind of " + entry.title()).isEqualTo(RecordKind.DOCUMENT);
        });
    }

    @Test
    public void manifestReportsEachRecordsParentOnlyWithHierarchy() {
        List<SeedRecord> seeds = seeds().tree();
        SourceOfTruth sourceOfTruth = givenProject(seeds);

        List<ManifestEntry> manifest = manifestOf(sourceOfTruth);

        for (SeedRecord seed : seeds) {
            Optional<String> parentTitle = entryTitled(manifest, seed.title()).parentId()
                    .map(parent -> entryWithId(manifest, parent).title());
            assertThat(parentTitle).as("parent of " + seed.title()).isEqualTo(seed.parentTitle());
        }
    }

    @Test
    public void readRecordsReturnsExactlyTheRequestedRecordsWithBodiesAndLabels() {
        List<SeedRecord> seeds = seeds().tree();
        SourceOfTruth sourceOfTruth = givenProject(seeds);
        List<ManifestEntry> manifest = manifestOf(sourceOfTruth);
        List<SeedRecord> requested = List.of(seeds.get(0), seeds.get(2));
        List<RecordId> ids = requested.stream().map(seed -> entryTitled(manifest, seed.title()).id()).toList();

        List<Record> delivered = new ArrayList<>();
        sourceOfTruth.readRecords(ids, delivered::add);

        assertThat(delivered).extracting(Record::id).as("delivered ids").containsExactlyInAnyOrderElementsOf(ids);
        for (SeedRecord seed : requested) {
            Record record = delivered.stream().filter(candidate -> candidate.entry().title().equals(seed.title()))
                    .findFirst().orElseThrow(() -> new AssertionError("no record titled " + seed.title()));
            assertThat(normalizeBody(record.body())).as("body of " + seed.title()).isEqualTo(normalizeBody(seed.body()));
            assertThat(record.labels()).as("labels of " + seed.title()).isEqualTo(seed.labels());
            assertThat(record.entry().version()).as("version of " + seed.title())
                    .isEqualTo(entryTitled(manifest, seed.title()).version());
        }
    }

    @Test
    public void readRecordsSkipsUnknownIdsAndDeliversEachRecordOnce() {
        SourceOfTruth sourceOfTruth = givenProject(seeds().numbered(2));
        List<RecordId> known = manifestOf(sourceOfTruth).stream().map(ManifestEntry::id).toList();
        List<RecordId> requested = List.of(known.get(0), unknownRecordId(), known.get(1));

        List<RecordId> delivered = new ArrayList<>();
        sourceOfTruth.readRecords(requested, record -> delivered.add(record.id()));

        assertThat(delivered).as("delivered ids").containsExactlyInAnyOrderElementsOf(known);
    }

    @Test
    public void readRecordFindsAKnownIdAndIsEmptyForAnUnknownOne() {
        SourceOfTruth sourceOfTruth = givenProject(seeds().numbered(1));
        ManifestEntry known = manifestOf(sourceOfTruth).get(0);

        assertThat(sourceOfTruth.readRecord(known.id())).as("known record").map(Record::id).contains(known.id());
        assertThat(sourceOfTruth.readRecord(unknownRecordId())).as("unknown record").isEmpty();
    }

    // ---- create ----------------------------------------------------------------------------

    @Test
    public void createdRecordAppearsInTheManifestAndReadsBackAtVersionOne() {
        assumeSupported(Capability.CREATE);
        SourceOfTruth sourceOfTruth = givenProject(seeds().numbered(1));
        String title = "Created by the contract";

        ManifestEntry created = sourceOfTruth.create(NewRecord.of(title, ContractSeeds.bodyFor(title)));

        assertThat(created.title()).as("title of the created entry").isEqualTo(title);
        assertThat(created.version()).as("version of the created entry").isEqualTo(1);
        List<ManifestEntry> manifest = manifestOf(openAnother());
        assertThat(manifest).as("manifest after create").hasSize(2)
                .filteredOn(entry -> entry.id().equals(created.id())).singleElement()
                .satisfies(entry -> assertThat(entry.title()).isEqualTo(title))
                .satisfies(entry -> assertThat(entry.version()).isEqualTo(1));
        Record readBack = openAnother().readRecord(created.id()).orElseThrow(() -> new AssertionError("created record not found"));
        assertThat(normalizeBody(readBack.body())).as("body read back").isEqualTo(normalizeBody(ContractSeeds.bodyFor(title)));
    }

    @Test
    public void createIsUnsupportedWithoutTheCreateCapability() {
        assumeAbsent(Capability.CREATE);
        SourceOfTruth sourceOfTruth = givenProject(seeds().numbered(1));

        assertUnchangedAfterUnsupported(sourceOfTruth, () -> sourceOfTruth.create(NewRecord.of("Not created", "No.")));
    }

    @Test
    public void createUnderAParentPlacesTheRecordThere() {
        assumeSupported(Capability.CREATE, Capability.HIERARCHY);
        SourceOfTruth sourceOfTruth = givenProject(seeds().numbered(1));
        RecordId parent = manifestOf(sourceOfTruth).get(0).id();

        ManifestEntry created = sourceOfTruth.create(NewRecord.of("Child", ContractSeeds.bodyFor("Child")).withParent(parent));

        assertThat(entryWithId(manifestOf(openAnother()), created.id()).parentId()).as("parent").contains(parent);
    }

    @Test
    public void createWithAParentIsUnsupportedWithoutHierarchy() {
        assumeSupported(Capability.CREATE);
        assumeAbsent(Capability.HIERARCHY);
        SourceOfTruth sourceOfTruth = givenProject(seeds().numbered(1));
        RecordId parent = manifestOf(sourceOfTruth).get(0).id();

        assertUnchangedAfterUnsupported(sourceOfTruth,
                () -> sourceOfTruth.create(NewRecord.of("Child", "No.").withParent(parent)));
    }

    @Test
    public void createWithLabelsKeepsTheLabels() {
        assumeSupported(Capability.CREATE, Capability.LABELS);
        SourceOfTruth sourceOfTruth = givenProject(List.of());

        ManifestEntry created = sourceOfTruth.create(new NewRecord("Labelled", Optional.empty(), Set.of("alpha", "beta"),
                ContractSeeds.bodyFor("Labelled")));

        assertThat(readExisting(openAnother(), created.id()).labels()).as("labels").containsExactlyInAnyOrder("alpha", "beta");
    }

    @Test
    public void createWithLabelsIsUnsupportedWithoutLabels() {
        assumeSupported(Capability.CREATE);
        assumeAbsent(Capability.LABELS);
        SourceOfTruth sourceOfTruth = givenProject(seeds().numbered(1));

        assertUnchangedAfterUnsupported(sourceOfTruth, () -> sourceOfTruth.create(
                new NewRecord("Labelled", Optional.empty(), Set.of("alpha"), "No.")));
    }

    // ---- update ----------------------------------------------------------------------------

    @Test
    public void updateWithTheCurrentVersionAppliesAndRaisesTheVersion() {
        assumeSupported(Capability.UPDATE);
        SourceOfTruth sourceOfTruth = givenProject(seeds().numbered(1));
        Record base = readExisting(sourceOfTruth, manifestOf(sourceOfTruth).get(0).id());

        UpdateOutcome outcome = sourceOfTruth.update(RecordUpdate.of(base, "Renamed record", ContractSeeds.bodyFor("Renamed record")));

        assertThat(outcome).as("outcome").isInstanceOf(UpdateOutcome.Updated.class);
        ManifestEntry updated = ((UpdateOutcome.Updated) outcome).entry();
        assertThat(updated.version()).as("version after update").isGreaterThan(base.entry().version());
        assertThat(updated.title()).as("title after update").isEqualTo("Renamed record");
        Record readBack = readExisting(openAnother(), base.id());
        assertThat(readBack.entry().title()).as("title read back").isEqualTo("Renamed record");
        assertThat(readBack.entry().version()).as("version read back").isEqualTo(updated.version());
        assertThat(normalizeBody(readBack.body())).as("body read back").isEqualTo(normalizeBody(ContractSeeds.bodyFor("Renamed record")));
        ((UpdateOutcome.Updated) outcome).storedBody().ifPresent(stored -> assertThat(normalizeBody(stored))
                .as("stored body in the outcome, when given").isEqualTo(normalizeBody(readBack.body())));
    }

    @Test
    public void updateSetsEachStatusTheBackendCanSet() {
        assumeSupported(Capability.UPDATE);
        List<RecordStatus> statuses = List.copyOf(statusesWhere(settableStatuses()::contains));
        SourceOfTruth sourceOfTruth = givenProject(seeds().numbered(statuses.size()));
        List<ManifestEntry> manifest = manifestOf(sourceOfTruth);

        for (int index = 0; index < statuses.size(); index++) {
            RecordStatus status = statuses.get(index);
            Record base = readExisting(sourceOfTruth, manifest.get(index).id());

            UpdateOutcome outcome = sourceOfTruth.update(RecordUpdate.of(base, base.entry().title(), base.body())
                    .withStatus(status).withMessage("Status set by the contract"));

            assertThat(outcome).as("outcome of setting " + status).isInstanceOf(UpdateOutcome.Updated.class);
            assertThat(((UpdateOutcome.Updated) outcome).entry().status()).as("status after setting " + status)
                    .isEqualTo(status);
            // A backend may leave records of some statuses out of its reads (drafts, say); those it reads show it.
            openAnother().readRecord(base.id()).ifPresent(readBack -> assertThat(readBack.entry().status())
                    .as("status read back after setting " + status).isEqualTo(status));
        }
    }

    @Test
    public void updateWithAStatusTheBackendCannotSetIsRefusedAndChangesNothing() {
        assumeSupported(Capability.UPDATE);
        Set<RecordStatus> refused = statusesWhere(status -> !settableStatuses().contains(status));
        assumeTrue(!refused.isEmpty(), "the backend can set every status");
        SourceOfTruth sourceOfTruth = givenProject(seeds().numbered(1));
        Record base = readExisting(sourceOfTruth, manifestOf(sourceOfTruth).get(0).id());
        Map<RecordId, RecordState> before = RecordState.ofProject(sourceOfTruth, this::normalizeBody);

        for (RecordStatus status : refused) {
            assertThatExceptionOfType(ReposixException.class).as("an update to " + status)
                    .isThrownBy(() -> sourceOfTruth.update(RecordUpdate.of(base, "Renamed record", "Changed.")
                            .withStatus(status)))
                    .extracting(ReposixException::errorCode).isEqualTo(StandardErrorCode.REJECTED_BY_SOURCE);
        }

        assertThat(RecordState.ofProject(openAnother(), this::normalizeBody)).as("project after the refused updates")
                .isEqualTo(before);
    }

    @Test
    public void updateWithStaleVersionIsAConflictAndChangesNothing() {
        assumeSupported(Capability.UPDATE);
        SourceOfTruth lateWriter = givenProject(seeds().numbered(1));
        Record base = readExisting(lateWriter, manifestOf(lateWriter).get(0).id());
        SourceOfTruth otherWriter = openAnother();
        UpdateOutcome first = otherWriter.update(RecordUpdate.of(base, base.entry().title(), "Changed by the other writer."));
        assertThat(first).as("outcome of the first update").isInstanceOf(UpdateOutcome.Updated.class);
        long currentVersion = ((UpdateOutcome.Updated) first).entry().version();
        Map<RecordId, RecordState> before = RecordState.ofProject(openAnother(), this::normalizeBody);

        UpdateOutcome late = lateWriter.update(RecordUpdate.of(base, "Title of the late writer", "Changed by the late writer."));

        assertThat(late).as("outcome of the stale update").isInstanceOf(UpdateOutcome.Conflict.class);
        UpdateOutcome.Conflict conflict = (UpdateOutcome.Conflict) late;
        assertThat(conflict.id()).as("conflict id").isEqualTo(base.id());
        assertThat(conflict.expectedVersion()).as("conflict expected version").isEqualTo(base.entry().version());
        if (conflict.currentVersion().isPresent()) {
            assertThat(conflict.currentVersion().getAsLong()).as("conflict current version").isEqualTo(currentVersion);
        }
        assertThat(RecordState.ofProject(openAnother(), this::normalizeBody)).as("project after the conflict").isEqualTo(before);
    }

    @Test
    public void updateOfAnUnknownRecordFailsWithRecordNotFound() {
        assumeSupported(Capability.UPDATE);
        SourceOfTruth sourceOfTruth = givenProject(seeds().numbered(1));
        RecordUpdate update = new RecordUpdate(unknownRecordId(), 1, "Nowhere", Optional.empty(), "No.", Set.of(), Set.of());

        assertThatExceptionOfType(ReposixException.class).as("update of an unknown record")
                .isThrownBy(() -> sourceOfTruth.update(update))
                .extracting(ReposixException::errorCode).isEqualTo(StandardErrorCode.RECORD_NOT_FOUND);
    }

    @Test
    public void updateIsUnsupportedWithoutTheUpdateCapability() {
        assumeAbsent(Capability.UPDATE);
        SourceOfTruth sourceOfTruth = givenProject(seeds().numbered(1));
        Record base = readExisting(sourceOfTruth, manifestOf(sourceOfTruth).get(0).id());

        assertUnchangedAfterUnsupported(sourceOfTruth, () -> sourceOfTruth.update(RecordUpdate.of(base, "Renamed", "No.")));
    }

    @Test
    public void updateAddsAndRemovesLabelsAsDeltas() {
        assumeSupported(Capability.UPDATE, Capability.LABELS);
        SourceOfTruth sourceOfTruth = givenProject(List.of(seeds().record("Labelled", Optional.empty(), "alpha", "beta")));
        Record base = readExisting(sourceOfTruth, manifestOf(sourceOfTruth).get(0).id());

        UpdateOutcome outcome = sourceOfTruth.update(new RecordUpdate(base.id(), base.entry().version(), base.entry().title(),
                base.entry().parentId(), "Labels changed.", Set.of("gamma"), Set.of("alpha")));

        assertThat(outcome).as("outcome").isInstanceOf(UpdateOutcome.Updated.class);
        assertThat(readExisting(openAnother(), base.id()).labels()).as("labels after the update")
                .containsExactlyInAnyOrder("beta", "gamma");
    }

    @Test
    public void updateWithLabelChangesIsUnsupportedWithoutLabels() {
        assumeSupported(Capability.UPDATE);
        assumeAbsent(Capability.LABELS);
        SourceOfTruth sourceOfTruth = givenProject(seeds().numbered(1));
        Record base = readExisting(sourceOfTruth, manifestOf(sourceOfTruth).get(0).id());

        assertUnchangedAfterUnsupported(sourceOfTruth, () -> sourceOfTruth.update(new RecordUpdate(base.id(),
                base.entry().version(), base.entry().title(), base.entry().parentId(), "No.", Set.of("alpha"), Set.of())));
    }

    @Test
    public void updateWithAnotherParentMovesTheRecord() {
        assumeSupported(Capability.UPDATE, Capability.HIERARCHY);
        SourceOfTruth sourceOfTruth = givenProject(seeds().twoTeamsAndARoadmap());
        List<ManifestEntry> manifest = manifestOf(sourceOfTruth);
        RecordId teamB = entryTitled(manifest, "Team B").id();
        Record roadmap = readExisting(sourceOfTruth, entryTitled(manifest, "Roadmap").id());

        UpdateOutcome outcome = sourceOfTruth.update(new RecordUpdate(roadmap.id(), roadmap.entry().version(), "Roadmap",
                Optional.of(teamB), roadmap.body(), Set.of(), Set.of()));

        assertThat(outcome).as("outcome").isInstanceOf(UpdateOutcome.Updated.class);
        assertThat(entryWithId(manifestOf(openAnother()), roadmap.id()).parentId()).as("parent after the move").contains(teamB);
    }

    @Test
    public void updateWithAParentIsUnsupportedWithoutHierarchy() {
        assumeSupported(Capability.UPDATE);
        assumeAbsent(Capability.HIERARCHY);
        SourceOfTruth sourceOfTruth = givenProject(seeds().numbered(2));
        List<ManifestEntry> manifest = manifestOf(sourceOfTruth);
        Record moved = readExisting(sourceOfTruth, manifest.get(0).id());
        RecordId newParent = manifest.get(1).id();

        assertUnchangedAfterUnsupported(sourceOfTruth, () -> sourceOfTruth.update(new RecordUpdate(moved.id(),
                moved.entry().version(), moved.entry().title(), Optional.of(newParent), moved.body(), Set.of(), Set.of())));
    }

    // ---- delete ----------------------------------------------------------------------------

    @Test
    public void deleteRemovesTheRecordAndASecondDeleteFindsItAbsent() {
        assumeSupported(Capability.DELETE);
        SourceOfTruth sourceOfTruth = givenProject(seeds().numbered(2));
        List<ManifestEntry> manifest = manifestOf(sourceOfTruth);
        RecordId deleted = manifest.get(0).id();
        ManifestEntry kept = manifest.get(1);

        assertThat(sourceOfTruth.delete(deleted)).as("first delete").isEqualTo(DeleteOutcome.DELETED);

        List<ManifestEntry> after = manifestOf(openAnother());
        assertThat(after).as("manifest after delete")
                .noneMatch(entry -> entry.id().equals(deleted) && entry.status() != RecordStatus.TRASHED);
        assertThat(entryWithId(after, kept.id()).status()).as("status of the record kept").isEqualTo(RecordStatus.CURRENT);
        assertThat(sourceOfTruth.delete(deleted)).as("second delete").isEqualTo(DeleteOutcome.ALREADY_ABSENT);
    }

    @Test
    public void deleteIsUnsupportedWithoutTheDeleteCapability() {
        assumeAbsent(Capability.DELETE);
        SourceOfTruth sourceOfTruth = givenProject(seeds().numbered(1));
        RecordId id = manifestOf(sourceOfTruth).get(0).id();

        assertUnchangedAfterUnsupported(sourceOfTruth, () -> sourceOfTruth.delete(id));
    }

    // ---- attachments -----------------------------------------------------------------------

    @Test
    public void writtenAttachmentIsListedAndReadsBackByteForByte() {
        assumeSupported(Capability.ATTACHMENTS, Capability.UPDATE);
        SourceOfTruth sourceOfTruth = givenProject(seeds().numbered(2));
        RecordId owner = manifestOf(sourceOfTruth).get(0).id();
        RecordId other = manifestOf(sourceOfTruth).get(1).id();

        Attachment written = sourceOfTruth.writeAttachment(owner, ATTACHMENT_NAME, "image/png", ATTACHMENT_BYTES,
                "first upload");

        assertThat(written).as("written attachment").satisfies(attachment -> {
            assertThat(attachment.record()).isEqualTo(owner);
            assertThat(attachment.fileName()).isEqualTo(ATTACHMENT_NAME);
            assertThat(attachment.mediaType()).isEqualTo("image/png");
            assertThat(attachment.size()).isEqualTo(ATTACHMENT_BYTES.length);
            assertThat(attachment.version()).isEqualTo(1);
        });
        Map<RecordId, List<Attachment>> listed = openAnother().attachments(List.of(owner, other));
        assertThat(listed.get(owner)).as("attachments of the owner").containsExactly(written);
        assertThat(listed.getOrDefault(other, List.of())).as("attachments of another record").isEmpty();
        assertThat(openAnother().readAttachment(written, ATTACHMENT_BYTES.length)).as("bytes read back")
                .isEqualTo(ATTACHMENT_BYTES);
    }

    @Test
    public void writingTheSameFileNameAgainIsANewVersionOfTheSameAttachment() {
        assumeSupported(Capability.ATTACHMENTS, Capability.UPDATE);
        SourceOfTruth sourceOfTruth = givenProject(seeds().numbered(1));
        RecordId owner = manifestOf(sourceOfTruth).get(0).id();
        Attachment first = sourceOfTruth.writeAttachment(owner, ATTACHMENT_NAME, "image/png", ATTACHMENT_BYTES, "");
        byte[] changed = "a second version".getBytes(StandardCharsets.UTF_8);

        Attachment second = sourceOfTruth.writeAttachment(owner, ATTACHMENT_NAME, "image/png", changed, "again");

        assertThat(second.id()).as("id of the new version").isEqualTo(first.id());
        assertThat(second.version()).as("version of the new version").isEqualTo(first.version() + 1);
        assertThat(second.size()).as("size of the new version").isEqualTo(changed.length);
        assertThat(openAnother().attachments(List.of(owner)).get(owner)).as("attachments after the second write")
                .containsExactly(second);
        assertThat(openAnother().readAttachment(second, changed.length)).as("bytes read back").isEqualTo(changed);
    }

    @Test
    public void readAttachmentRefusesAFileLargerThanMaxBytes() {
        assumeSupported(Capability.ATTACHMENTS, Capability.UPDATE);
        SourceOfTruth sourceOfTruth = givenProject(seeds().numbered(1));
        RecordId owner = manifestOf(sourceOfTruth).get(0).id();
        Attachment written = sourceOfTruth.writeAttachment(owner, ATTACHMENT_NAME, "image/png", ATTACHMENT_BYTES, "");

        assertFailsWith(StandardErrorCode.REJECTED_BY_SOURCE,
                () -> sourceOfTruth.readAttachment(written, ATTACHMENT_BYTES.length - 1));
        assertThat(sourceOfTruth.readAttachment(written, ATTACHMENT_BYTES.length)).as("bytes at the limit")
                .isEqualTo(ATTACHMENT_BYTES);
    }

    @Test
    public void readAttachmentsHandsOverEveryFileInOrderAndAGoneOneAsEmpty() {
        assumeSupported(Capability.ATTACHMENTS, Capability.UPDATE);
        SourceOfTruth sourceOfTruth = givenProject(seeds().numbered(2));
        List<RecordId> ids = manifestOf(sourceOfTruth).stream().map(ManifestEntry::id).toList();
        List<Attachment> asked = new ArrayList<>();
        List<byte[]> contents = new ArrayList<>();
        for (int index = 0; index < 7; index++) {
            byte[] content = ("file " + index).getBytes(StandardCharsets.UTF_8);
            asked.add(sourceOfTruth.writeAttachment(ids.get(index % 2), "file-" + index + ".txt", "text/plain",
                    content, ""));
            contents.add(content);
        }
        sourceOfTruth.deleteAttachment(asked.get(3));
        List<Attachment> handedOver = new ArrayList<>();
        List<Optional<byte[]>> files = new ArrayList<>();

        openAnother().readAttachments(asked, 1024, (attachment, file) -> {
            handedOver.add(attachment);
            files.add(file);
        });

        assertThat(handedOver).as("attachments handed over").containsExactlyElementsOf(asked);
        for (int index = 0; index < asked.size(); index++) {
            if (index == 3) {
                assertThat(files.get(index)).as("the deleted file").isEmpty();
            } else {
                assertThat(files.get(index)).as("file %d", index).hasValue(contents.get(index));
            }
        }
    }

    @Test
    public void deleteAttachmentRemovesItAndASecondDeleteFindsItAbsent() {
        assumeSupported(Capability.ATTACHMENTS, Capability.UPDATE);
        SourceOfTruth sourceOfTruth = givenProject(seeds().numbered(1));
        RecordId owner = manifestOf(sourceOfTruth).get(0).id();
        Attachment deleted = sourceOfTruth.writeAttachment(owner, ATTACHMENT_NAME, "image/png", ATTACHMENT_BYTES, "");
        Attachment kept = sourceOfTruth.writeAttachment(owner, "kept.txt", "text/plain", new byte[] {'k'}, "");

        assertThat(sourceOfTruth.deleteAttachment(deleted)).as("first delete").isEqualTo(DeleteOutcome.DELETED);

        assertThat(openAnother().attachments(List.of(owner)).get(owner)).as("attachments after the delete")
                .containsExactly(kept);
        assertFailsWith(StandardErrorCode.RECORD_NOT_FOUND, () -> sourceOfTruth.readAttachment(deleted, 1024));
        assertThat(sourceOfTruth.deleteAttachment(deleted)).as("second delete").isEqualTo(DeleteOutcome.ALREADY_ABSENT);
    }

    @Test
    public void attachmentsOfManyRecordsComeBackFromOneCall() {
        assumeSupported(Capability.ATTACHMENTS, Capability.UPDATE);
        SourceOfTruth sourceOfTruth = givenProject(seeds().numbered(12));
        List<RecordId> ids = manifestOf(sourceOfTruth).stream().map(ManifestEntry::id).toList();
        sourceOfTruth.writeAttachment(ids.get(0), "a.txt", "text/plain", new byte[] {'a'}, "");
        sourceOfTruth.writeAttachment(ids.get(5), "b.txt", "text/plain", new byte[] {'b'}, "");
        sourceOfTruth.writeAttachment(ids.get(5), "c.txt", "text/plain", new byte[] {'c'}, "");
        sourceOfTruth.writeAttachment(ids.get(11), "d.txt", "text/plain", new byte[] {'d'}, "");
        List<RecordId> asked = new ArrayList<>(ids);
        asked.add(unknownRecordId());

        Map<RecordId, List<Attachment>> all = openAnother().attachments(asked);
        Map<RecordId, List<Attachment>> two = openAnother().attachments(List.of(ids.get(0), ids.get(1)));

        assertThat(fileNamesByRecord(all)).as("attachments of every record")
                .isEqualTo(Map.of(ids.get(0), Set.of("a.txt"), ids.get(5), Set.of("b.txt", "c.txt"),
                        ids.get(11), Set.of("d.txt")));
        assertThat(fileNamesByRecord(two)).as("attachments of two records").isEqualTo(Map.of(ids.get(0),
                Set.of("a.txt")));
    }

    @Test
    public void writeAttachmentToAnUnknownRecordFailsWithRecordNotFound() {
        assumeSupported(Capability.ATTACHMENTS, Capability.UPDATE);
        SourceOfTruth sourceOfTruth = givenProject(seeds().numbered(1));

        assertFailsWith(StandardErrorCode.RECORD_NOT_FOUND, () -> sourceOfTruth.writeAttachment(unknownRecordId(),
                ATTACHMENT_NAME, "image/png", ATTACHMENT_BYTES, ""));
    }

    @Test
    public void attachmentsAreUnsupportedWithoutTheAttachmentsCapability() {
        assumeAbsent(Capability.ATTACHMENTS);
        SourceOfTruth sourceOfTruth = givenProject(seeds().numbered(1));
        RecordId id = manifestOf(sourceOfTruth).get(0).id();
        Attachment attachment = new Attachment("1", id, ATTACHMENT_NAME, "image/png", 1, 1,
                URI.create("https://example.invalid/file.png"));

        assertUnchangedAfterUnsupported(sourceOfTruth, () -> sourceOfTruth.attachments(List.of(id)));
        assertUnchangedAfterUnsupported(sourceOfTruth, () -> sourceOfTruth.readAttachment(attachment, 1024));
        assertUnchangedAfterUnsupported(sourceOfTruth, () -> sourceOfTruth.writeAttachment(id, ATTACHMENT_NAME,
                "image/png", ATTACHMENT_BYTES, ""));
        assertUnchangedAfterUnsupported(sourceOfTruth, () -> sourceOfTruth.deleteAttachment(attachment));
    }

    // ---- lifecycle -------------------------------------------------------------------------

    @Test
    public void closingTwiceIsHarmless() {
        SourceOfTruth sourceOfTruth = givenProject(seeds().numbered(1));

        assertThatCode(() -> {
            sourceOfTruth.close();
            sourceOfTruth.close();
        }).as("closing twice").doesNotThrowAnyException();
    }

    // ---- helpers ---------------------------------------------------------------------------

    private ContractSeeds seeds() {
        return new ContractSeeds(expectedCapabilities());
    }

    private static Set<RecordStatus> statusesWhere(Predicate<RecordStatus> condition) {
        Set<RecordStatus> statuses = EnumSet.noneOf(RecordStatus.class);
        for (RecordStatus status : RecordStatus.values()) {
            if (condition.test(status)) {
                statuses.add(status);
            }
        }
        return statuses;
    }

    private void assumeSupported(Capability... capabilities) {
        for (Capability capability : capabilities) {
            assumeTrue(expectedCapabilities().supports(capability), () -> "backend does not declare " + capability);
        }
    }

    private void assumeAbsent(Capability capability) {
        assumeTrue(!expectedCapabilities().supports(capability), () -> "backend declares " + capability);
    }

    private void assertUnchangedAfterUnsupported(SourceOfTruth sourceOfTruth, ThrowingCallable operation) {
        Map<RecordId, RecordState> before = RecordState.ofProject(sourceOfTruth, this::normalizeBody);

        assertThatExceptionOfType(ReposixException.class).as("an operation the backend does not declare")
                .isThrownBy(operation)
                .extracting(ReposixException::errorCode).isEqualTo(StandardErrorCode.UNSUPPORTED_OPERATION);

        assertThat(RecordState.ofProject(openAnother(), this::normalizeBody)).as("project after the refused operation")
                .isEqualTo(before);
    }

    private static void assertFailsWith(ErrorCode code, ThrowingCallable operation) {
        assertThatExceptionOfType(ReposixException.class).isThrownBy(operation)
                .extracting(ReposixException::errorCode).isEqualTo(code);
    }

    private static Map<RecordId, Set<String>> fileNamesByRecord(Map<RecordId, List<Attachment>> attachments) {
        Map<RecordId, Set<String>> names = new HashMap<>();
        attachments.forEach((record, files) -> {
            if (!files.isEmpty()) {
                names.put(record, files.stream().map(Attachment::fileName).collect(Collectors.toSet()));
            }
        });
        return names;
    }

    private static Record readExisting(SourceOfTruth sourceOfTruth, RecordId id) {
        return sourceOfTruth.readRecord(id).orElseThrow(() -> new AssertionError("record " + id + " not found"));
    }

    private static ManifestEntry entryTitled(List<ManifestEntry> manifest, String title) {
        return manifest.stream().filter(entry -> entry.title().equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no record titled '" + title + "' in the manifest " + manifest));
    }

    private static ManifestEntry entryWithId(List<ManifestEntry> manifest, RecordId id) {
        return manifest.stream().filter(entry -> entry.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no record " + id + " in the manifest " + manifest));
    }
}
