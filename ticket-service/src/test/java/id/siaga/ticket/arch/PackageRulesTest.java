package id.siaga.ticket.arch;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package rules of the service, checked on its compiled classes (no Quarkus, no database). The dependencies
 * frozen below are known exceptions still to be removed; each names its classes, and nothing else may join them.
 */
class PackageRulesTest {

    private static final String ROOT = "id.siaga.ticket.";
    private static final JavaClasses SERVICE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("id.siaga.ticket");

    @Test
    void nothingBelowTheApiAndThePagesImportsThem() {
        noClasses().that().resideOutsideOfPackages(ROOT + "rest..", ROOT + "web..")
                .and(DescribedPredicate.not(FROZEN_UPWARD))
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + "rest..", ROOT + "web..")
                .check(SERVICE);
    }

    /** Classes below rest and web that still import them: frozen, to be removed. */
    private static final DescribedPredicate<JavaClass> FROZEN_UPWARD = new DescribedPredicate<>("frozen upward imports") {
        @Override
        public boolean test(JavaClass c) {
            String name = c.getName();
            // telegram: notices and replies are worded with the pages' messages and labels
            return name.startsWith(ROOT + "telegram.")
                    // the offices page is a page kept in its feature package
                    || name.startsWith(ROOT + "office.OfficePage")
                    // the offices API answers its own problem+json
                    || name.startsWith(ROOT + "office.OfficeResource")
                    // a locked sign-in is answered as problem+json (API) or with the sign-in page (pages)
                    || name.startsWith(ROOT + "security.SignInLockedAnswers")
                    // FindingQuery returns the API's records (the ingest rework moves them into ingest)
                    || name.startsWith(ROOT + "ingest.FindingQuery");
        }
    };

    @Test
    void theTopLevelPackagesFormNoCycle() {
        slices().matching(ROOT + "(*)..").should().beFreeOfCycles()
                // frozen, as above: telegram -> web, office -> rest / web, security -> rest / web, ingest -> rest
                .ignoreDependency(FROZEN_UPWARD, in("rest").or(in("web")))
                // frozen: escalation <-> telegram (notices go out by Telegram; Telegram acknowledges escalations)
                .ignoreDependency(in("escalation"), in("telegram"))
                // frozen: rest <-> web (the API's filters and the status resource share the pages' helpers)
                .ignoreDependency(in("rest"), in("web"))
                .check(SERVICE);
    }

    private static DescribedPredicate<JavaClass> in(String topLevelPackage) {
        return resideInAPackage(ROOT + topLevelPackage + "..");
    }
}
