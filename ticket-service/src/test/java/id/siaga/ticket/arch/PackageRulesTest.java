package id.siaga.ticket.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The package rules of the service, checked on its compiled classes (no Quarkus, no database). */
class PackageRulesTest {

    private static final String ROOT = "id.siaga.ticket.";
    private static final JavaClasses SERVICE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("id.siaga.ticket");

    @Test
    void nothingBelowTheApiAndThePagesImportsThem() {
        noClasses().that().resideOutsideOfPackages(ROOT + "rest..", ROOT + "web..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + "rest..", ROOT + "web..")
                .check(SERVICE);
    }

    @Test
    void theTopLevelPackagesFormNoCycle() {
        slices().matching(ROOT + "(*)..").should().beFreeOfCycles().check(SERVICE);
    }
}
