package dev.timelines.bootstrap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.timelines.adapters.in.rest.violation.ResourceUsingMemoryStore;
import dev.timelines.adapters.out.journal.violation.JournalTimingWithMicrometer;
import dev.timelines.adapters.out.memory.violation.IndexRankingAnAnswer;
import dev.timelines.application.model.AdjacentValues;
import dev.timelines.application.model.FunnelStep;
import dev.timelines.application.model.PairStatistics;
import dev.timelines.application.model.ProcessMap;
import dev.timelines.application.model.StateCount;
import dev.timelines.application.model.StateCounts;
import dev.timelines.application.model.TimeInState;
import dev.timelines.application.model.ValueCount;
import dev.timelines.application.model.ValueDurations;
import dev.timelines.application.violation.ServiceUsingCdi;
import dev.timelines.domain.DurationStatistics;
import dev.timelines.domain.violation.DomainClassUsingJackson;
import jakarta.inject.Inject;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hexagon's boundaries (docs/architecture.md), checked on the production classes of every module. */
class ArchitectureTest {

    private static final String DOMAIN = "dev.timelines.domain..";
    private static final String APPLICATION = "dev.timelines.application..";
    private static final String REST = "dev.timelines.adapters.in.rest..";
    private static final String MEMORY = "dev.timelines.adapters.out.memory..";
    private static final String JOURNAL = "dev.timelines.adapters.out.journal..";
    private static final String POSTGRES = "dev.timelines.adapters.out.postgres..";
    private static final String KAFKA = "dev.timelines.adapters.out.kafka..";

    /** Test jars (the PostgreSQL adapter's embedded server helper) are tests too, though not in test-classes. */
    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.matches(Pattern.compile(".*-tests\\.jar!/.*")))
            .importPackages("dev.timelines");

    static final ArchRule DOMAIN_DEPENDS_ONLY_ON_THE_JDK = classes().that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", DOMAIN);

    static final ArchRule APPLICATION_KNOWS_NO_FRAMEWORK = classes().that().resideInAPackage(APPLICATION)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", DOMAIN, APPLICATION);

    static final ArchRule USE_CASES_DO_NOT_KNOW_STORAGE = noClasses()
            .that().resideInAPackage("dev.timelines.application.port.in..")
            .should().dependOnClassesThat().resideInAPackage("dev.timelines.application.port.out..");

    static final ArchRule REST_ADAPTER_USES_NO_OTHER_ADAPTER = noClasses().that().resideInAPackage(REST)
            .should().dependOnClassesThat().resideInAnyPackage("dev.timelines.adapters.out..");

    static final ArchRule MEMORY_ADAPTER_USES_NO_OTHER_ADAPTER = noClasses().that().resideInAPackage(MEMORY)
            .should().dependOnClassesThat().resideInAnyPackage(REST, JOURNAL, POSTGRES, KAFKA);

    /** The adapter-to-adapter edges: the journal and Kafka make the memory engine durable. */
    static final ArchRule JOURNAL_ADAPTER_USES_ONLY_THE_MEMORY_ENGINE = noClasses().that().resideInAPackage(JOURNAL)
            .should().dependOnClassesThat().resideInAnyPackage(REST, POSTGRES, KAFKA);

    static final ArchRule KAFKA_ADAPTER_USES_ONLY_THE_MEMORY_ENGINE = noClasses().that().resideInAPackage(KAFKA)
            .should().dependOnClassesThat().resideInAnyPackage(REST, POSTGRES, JOURNAL);

    static final ArchRule POSTGRES_ADAPTER_USES_NO_OTHER_ADAPTER = noClasses().that().resideInAPackage(POSTGRES)
            .should().dependOnClassesThat().resideInAnyPackage(REST, MEMORY, JOURNAL, KAFKA);

    /**
     * One definition per question (docs/architecture.md): storage scans stays or fills partial answers; the
     * finished replies, their rankings and their duration statistics are made in the application alone.
     */
    static final ArchRule STORAGE_MAKES_NO_FINISHED_ANSWER = noClasses()
            .that().resideInAnyPackage(MEMORY, JOURNAL, POSTGRES, KAFKA)
            .should().dependOnClassesThat().belongToAnyOf(ProcessMap.class, PairStatistics.class,
                    AdjacentValues.class, ValueDurations.class, StateCounts.class, StateCount.class, ValueCount.class,
                    TimeInState.class, FunnelStep.class, DurationStatistics.class);

    /** The engines are plain libraries: metrics and the framework are bound to them in bootstrap. */
    static final ArchRule STORAGE_ENGINES_KNOW_NO_FRAMEWORK = classes().that().resideInAnyPackage(MEMORY, JOURNAL)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", DOMAIN, APPLICATION, MEMORY, JOURNAL);

    static final ArchRule SERVICES_ARE_REACHED_THROUGH_PORTS = classes()
            .that().resideInAPackage("dev.timelines.application.service..")
            .should().onlyBeAccessed().byClassesThat()
            .resideInAnyPackage("dev.timelines.application.service..", "dev.timelines.bootstrap..");

    static final ArchRule NO_FIELD_INJECTION = noFields().should().beAnnotatedWith(Inject.class)
            .because("constructor injection keeps classes testable without a container");

    @Test
    void domainDependsOnlyOnTheJdk() {
        DOMAIN_DEPENDS_ONLY_ON_THE_JDK.check(PRODUCTION);
    }

    @Test
    void applicationKnowsNoFramework() {
        APPLICATION_KNOWS_NO_FRAMEWORK.check(PRODUCTION);
    }

    @Test
    void useCasesDoNotKnowStoragePorts() {
        USE_CASES_DO_NOT_KNOW_STORAGE.check(PRODUCTION);
    }

    @Test
    void adaptersDoNotUseEachOther() {
        REST_ADAPTER_USES_NO_OTHER_ADAPTER.check(PRODUCTION);
        MEMORY_ADAPTER_USES_NO_OTHER_ADAPTER.check(PRODUCTION);
        JOURNAL_ADAPTER_USES_ONLY_THE_MEMORY_ENGINE.check(PRODUCTION);
        KAFKA_ADAPTER_USES_ONLY_THE_MEMORY_ENGINE.check(PRODUCTION);
        POSTGRES_ADAPTER_USES_NO_OTHER_ADAPTER.check(PRODUCTION);
    }

    @Test
    void storageMakesNoFinishedAnswer() {
        STORAGE_MAKES_NO_FINISHED_ANSWER.check(PRODUCTION);
    }

    @Test
    void storageEnginesKnowNoFramework() {
        STORAGE_ENGINES_KNOW_NO_FRAMEWORK.check(PRODUCTION);
    }

    @Test
    void servicesAreReachedOnlyThroughPortsAndProducers() {
        SERVICES_ARE_REACHED_THROUGH_PORTS.check(PRODUCTION);
    }

    @Test
    void nothingUsesFieldInjection() {
        NO_FIELD_INJECTION.check(PRODUCTION);
    }

    @Test
    void rulesFailOnDeliberateViolations() {
        assertThrows(AssertionError.class,
                () -> DOMAIN_DEPENDS_ONLY_ON_THE_JDK.check(imported(DomainClassUsingJackson.class)));
        assertThrows(AssertionError.class,
                () -> APPLICATION_KNOWS_NO_FRAMEWORK.check(imported(ServiceUsingCdi.class)));
        assertThrows(AssertionError.class,
                () -> REST_ADAPTER_USES_NO_OTHER_ADAPTER.check(imported(ResourceUsingMemoryStore.class)));
        assertThrows(AssertionError.class,
                () -> STORAGE_ENGINES_KNOW_NO_FRAMEWORK.check(imported(JournalTimingWithMicrometer.class)));
        assertThrows(AssertionError.class,
                () -> STORAGE_MAKES_NO_FINISHED_ANSWER.check(imported(IndexRankingAnAnswer.class)));
    }

    private static JavaClasses imported(Class<?> violation) {
        return new ClassFileImporter().importClasses(violation);
    }
}
