package com.infrakitchen.console.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** The house layering (house-style.md), checked on every build. */
class ArchitectureTest {

    private static final String BASE = "com.infrakitchen.console";
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(BASE);

    @Test
    void viewsNeverTalkToRepositoriesOrInternals() {
        noClasses().that().resideInAPackage("..ui..")
                .should().dependOnClassesThat().resideInAPackage("..internal..")
                .because("views talk to services; services talk to repositories")
                .check(CLASSES);
    }

    @Test
    void noFeatureReachesIntoAnotherFeaturesInternals() {
        for (String feature : new String[] {"user", "audit", "integration", "security", "base"}) {
            noClasses().that().resideOutsideOfPackage(BASE + "." + feature + "..")
                    .should().dependOnClassesThat().resideInAPackage(BASE + "." + feature + ".internal..")
                    .check(CLASSES);
        }
    }

    @Test
    void nothingOutsideTheUiDependsOnTheUi() {
        noClasses().that().resideOutsideOfPackage(BASE + "..ui..")
                .should().dependOnClassesThat().resideInAPackage(BASE + "..ui..")
                .check(CLASSES);
    }

    @Test
    void everyPublicServiceMethodIsSecured() {
        methods().that().areDeclaredInClassesThat().areAnnotatedWith(Service.class)
                .and().arePublic()
                .should().beAnnotatedWith(PreAuthorize.class)
                .because("authorization lives in the service layer (house style idiom 1)")
                .check(CLASSES);
    }

    @Test
    void servicesAreNamedServiceAndRepositoriesLiveInInternal() {
        classes().that().areAnnotatedWith(Service.class).should().haveSimpleNameEndingWith("Service")
                .check(CLASSES);
        classes().that().haveSimpleNameEndingWith("Repository").should().resideInAPackage("..internal..")
                .check(CLASSES);
    }

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching(BASE + ".(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void noRawHtmlFromServerCode() {
        noClasses().should().dependOnClassesThat().haveFullyQualifiedName("com.vaadin.flow.component.Html")
                .because("user data is always rendered as text (security.md 2.5)")
                .check(CLASSES);
    }

    @Test
    void noSystemStreamsForLogging() {
        noClasses().should().accessField(System.class, "out").orShould().accessField(System.class, "err")
                .check(CLASSES);
    }

    @Test
    void onlyTheAzureDevOpsPackageMakesOutboundCalls() {
        noClasses().that().resideOutsideOfPackage(BASE + ".integration.azuredevops..")
                .should().dependOnClassesThat().resideInAnyPackage("okhttp3..", "com.jcraft.jsch..", "java.net.http..")
                .because("only azuredevops builds Azure DevOps URLs and calls out (house style, security.md 3)")
                .check(CLASSES);
    }

    @Test
    void theCheckModelDoesNotDependOnTheTransports() {
        noClasses().that().resideInAPackage(BASE + ".integration.check..")
                .should().dependOnClassesThat().resideInAPackage(BASE + ".integration.azuredevops..")
                .because("CheckService reaches the checkers through the ConnectionChecker interface")
                .check(CLASSES);
    }
}
