package io.mockboard.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The directions of the code (docs/architecture.md): sync depends on no domain, its room and protocol are plain
 * Java, the domains meet HTTP only in their own web sub-packages, and the top-level packages form no cycle.
 */
class ArchitectureTest {
    static final String[] DOMAINS = {"io.mockboard.board..", "io.mockboard.session..", "io.mockboard.template..",
        "io.mockboard.rubric..", "io.mockboard.replay..", "io.mockboard.call.."};
    static JavaClasses main;

    @BeforeAll
    static void importMain() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.mockboard");
    }

    @Test
    void topLevelPackagesFormNoCycle() {
        slices().matching("io.mockboard.(*)..").should().beFreeOfCycles().check(main);
    }

    @Test
    void syncImportsNoDomainAndNoWebOrAuth() {
        noClasses().that().resideInAPackage("io.mockboard.sync..").should().dependOnClassesThat()
                .resideInAnyPackage(concat(DOMAINS, "io.mockboard.auth..", "io.mockboard.web.."))
                .check(main);
    }

    @Test
    void roomAndProtocolArePlainJava() {
        noClasses().that().resideInAnyPackage("io.mockboard.sync.room..", "io.mockboard.sync.protocol..").should()
                .dependOnClassesThat().resideInAnyPackage("io.quarkus..", "jakarta..", "java.sql..", "javax.sql..", "org.hibernate..",
                        "io.vertx..", "io.smallrye..")
                .check(main);
    }

    @Test
    void domainServicesKnowNothingOfHttpOrTheWebPackage() {
        noClasses().that().resideInAnyPackage(DOMAINS).and().resideOutsideOfPackages("..web..").should()
                .dependOnClassesThat().resideInAnyPackage("io.mockboard.web..", "jakarta.ws.rs..")
                .check(main);
    }

    @Test
    void theSharedKernelDependsOnNothingElseOfOurs() {
        noClasses().that().resideInAPackage("io.mockboard.core..").should().dependOnClassesThat()
                .resideInAnyPackage(concat(DOMAINS, "io.mockboard.sync..", "io.mockboard.auth..", "io.mockboard.web.."))
                .check(main);
    }

    @Test
    void theWebPackageServesEveryDomainAndImportsNone() {
        noClasses().that().resideInAPackage("io.mockboard.web").should().dependOnClassesThat().resideInAnyPackage(DOMAINS)
                .check(main);
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
