package com.infrakitchen.console.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.lang.annotation.Annotation;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every route, layout and error view carries exactly one access annotation (docs/security.md A-06). */
class RouteAccessTest {

    private static final List<Class<? extends Annotation>> ACCESS = List.of(AnonymousAllowed.class, PermitAll.class,
            RolesAllowed.class, DenyAll.class);

    @Test
    void everyNavigationTargetHasExactlyOneAccessAnnotation() {
        List<Class<?>> targets = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.infrakitchen.console").stream()
                .filter(c -> c.isAnnotatedWith(Route.class) || c.isAnnotatedWith(Layout.class)
                        || c.isAssignableTo(HasErrorParameter.class) && !c.getModifiers().contains(
                                com.tngtech.archunit.core.domain.JavaModifier.ABSTRACT))
                .map(JavaClass::reflect).toList();

        assertThat(targets).extracting(Class::getSimpleName)
                .contains("LoginView", "IntegrationsView", "UsersView", "AuditView", "MainLayout", "RootView",
                        "AccessDeniedView", "NotFoundView", "IntegrationSetupView", "IntegrationDetailView",
                        "EncryptionKeysView");
        for (Class<?> target : targets) {
            long count = ACCESS.stream().filter(target::isAnnotationPresent).count();
            assertThat(count).as(target.getName() + " access annotations").isEqualTo(1);
        }
    }

    @Test
    void onlyTheLoginAndNotFoundPagesAreOpenToAnonymousUsers() {
        Stream<Class<?>> anonymous = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.infrakitchen.console").stream()
                .filter(c -> c.isAnnotatedWith(AnonymousAllowed.class)).map(JavaClass::reflect);
        assertThat(anonymous).extracting(Class::getSimpleName).containsExactlyInAnyOrder("LoginView", "NotFoundView");
    }
}
