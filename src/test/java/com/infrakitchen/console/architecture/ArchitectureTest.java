package com.infrakitchen.console.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static java.util.stream.Collectors.toCollection;
import static org.assertj.core.api.Assertions.assertThat;

import com.infrakitchen.console.architecture.SourceDependencies.Edge;
import com.infrakitchen.console.audit.AuditTrail;
import com.infrakitchen.console.security.CurrentUser;
import com.infrakitchen.console.user.UserService;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.domain.properties.HasOwner;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** The house layering (docs/architecture.md), checked on every build. */
class ArchitectureTest {

    private static final String BASE = "com.infrakitchen.console";
    private static final String INTEGRATION = BASE + ".integration";
    private static final String AZURE = INTEGRATION + ".azuredevops";
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(BASE);

    /** Every top-level package except {@code base} (the frame the features plug into) and {@code shared}. */
    private static final Set<String> FEATURES = CLASSES.stream().map(c -> slice(c.getPackageName()))
            .filter(s -> s != null && !s.equals("base") && !s.equals("shared"))
            .collect(toCollection(TreeSet::new));

    /**
     * The only feature classes {@code base} may use, each a public API (never a view): who is signed in
     * (layout footer, audit of a denied view), the remembered theme (layout), the audit writer (denied view).
     * None of these features may then depend on {@code base}; the cycle rules below check that.
     */
    private static final List<Class<?>> BASE_MAY_USE = List.of(CurrentUser.class, UserService.class, AuditTrail.class);

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

    /**
     * {@code base} knows no feature: the navigation comes from the views' {@code @Menu}, forwards and links
     * go by route path. Checked twice, because javac inlines constants: the bytecode rule sees class
     * literals, types and calls; the source rule ({@link SourceDependencies}) sees every class a file
     * names, so a feature's {@code static final} route or title constant used in {@code base} fails too.
     */
    @Test
    void baseDependsOnNoFeature() {
        noClasses().that().resideInAPackage(BASE + ".base..")
                .should().dependOnClassesThat(resideInAnyPackage(featurePackages()).and(not(belongToAnyOf(
                        BASE_MAY_USE.toArray(Class<?>[]::new)))))
                .because("the layout builds its navigation from @Menu and links by route path (README, Architecture)")
                .check(CLASSES);

        List<Edge> named = SourceDependencies.between(BASE).stream()
                .filter(e -> e.fromSlice().equals("base") && FEATURES.contains(e.toSlice()))
                .filter(e -> BASE_MAY_USE.stream().noneMatch(allowed -> e.toName().equals(allowed.getName())))
                .toList();
        assertThat(named).as("feature classes named in base's source (constants included, which javac inlines)")
                .isEmpty();
    }

    /**
     * The slice cycle rule over the union of two dependency graphs: ArchUnit's (bytecode) and the one the
     * source text names (imports and qualified names, see {@link SourceDependencies}). A constant such as
     * {@code MainLayout.TITLE_SUFFIX} in a feature's {@code @PageTitle} leaves no trace in the class file,
     * so {@link #featurePackagesHaveNoCycles()} misses a cycle closed by it; the import it needs is in the
     * source, and this test counts it.
     */
    @Test
    void featurePackagesHaveNoCyclesCountingInlinedConstants() {
        Map<String, Map<String, List<String>>> graph = new TreeMap<>();
        for (JavaClass from : CLASSES) {
            for (Dependency d : from.getDirectDependenciesFromSelf()) {
                addEdge(graph, slice(from.getPackageName()), slice(d.getTargetClass().getPackageName()),
                        d.getDescription());
            }
        }
        List<Edge> named = SourceDependencies.between(BASE);
        assertThat(named).as("the source reader finds the imports (is the working directory the project?)")
                .isNotEmpty();
        for (Edge e : named) {
            addEdge(graph, e.fromSlice(), e.toSlice(), "source: " + e);
        }
        assertThat(cycle(graph)).as("a cycle between top-level packages, each step with its first evidence")
                .isEmpty();
    }

    private static String[] featurePackages() {
        return FEATURES.stream().map(f -> BASE + "." + f + "..").toArray(String[]::new);
    }

    /** The top-level package under {@link #BASE}, or null for the base package itself and for other code. */
    private static String slice(String packageName) {
        return packageName.startsWith(BASE + ".") ? packageName.substring(BASE.length() + 1).split("\\.")[0] : null;
    }

    private static void addEdge(Map<String, Map<String, List<String>>> graph, String from, String to,
            String evidence) {
        if (from != null && to != null && !from.equals(to)) {
            List<String> seen = graph.computeIfAbsent(from, k -> new TreeMap<>()).computeIfAbsent(to,
                    k -> new ArrayList<>());
            if (seen.size() < 2) {
                seen.add(evidence);
            }
        }
    }

    /** The first cycle found, as one line per step ({@code a -> b: evidence}), or none. */
    static List<String> cycle(Map<String, Map<String, List<String>>> graph) {
        Set<String> done = new HashSet<>();
        for (String start : graph.keySet()) {
            List<String> found = cycleFrom(start, graph, new LinkedHashMap<>(), done);
            if (!found.isEmpty()) {
                return found;
            }
        }
        return List.of();
    }

    private static List<String> cycleFrom(String node, Map<String, Map<String, List<String>>> graph,
            LinkedHashMap<String, String> path, Set<String> done) {
        if (done.contains(node)) {
            return List.of();
        }
        if (path.containsKey(node)) {
            List<String> steps = new ArrayList<>();
            boolean inCycle = false;
            for (Map.Entry<String, String> step : path.entrySet()) {
                inCycle |= step.getKey().equals(node);
                if (inCycle) {
                    steps.add(step.getValue());
                }
            }
            return steps;
        }
        for (Map.Entry<String, List<String>> next : graph.getOrDefault(node, Map.of()).entrySet()) {
            path.put(node, node + " -> " + next.getKey() + ": " + String.join(" | ", next.getValue()));
            List<String> found = cycleFrom(next.getKey(), graph, path, done);
            if (!found.isEmpty()) {
                return found;
            }
            path.remove(node);
        }
        done.add(node);
        return List.of();
    }

    @Test
    void noRawHtmlFromServerCode() {
        noClasses().should().dependOnClassesThat().haveFullyQualifiedName("com.vaadin.flow.component.Html")
                .because("user data is always rendered as text (docs/security.md 2.5)")
                .check(CLASSES);
    }

    @Test
    void svgMarkupOnlyFromTheChartThatBuildsIt() {
        noClasses().that().doNotHaveFullyQualifiedName(BASE + ".integration.ui.OutcomeChartPanel")
                .should().dependOnClassesThat().haveFullyQualifiedName("com.vaadin.flow.component.Svg")
                .because("Svg sets its markup as inner HTML: only OutcomeChart's markup, built from numbers, dates"
                        + " and fixed words (never user data), goes there")
                .check(CLASSES);
    }

    @Test
    void noSystemStreamsForLogging() {
        // One exception: Application.main hands System.out to the jar's own command (--keyset.create), whose
        // output is the command's answer to the operator at a terminal, not a log line.
        noClasses().that().doNotHaveFullyQualifiedName(BASE + ".Application")
                .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
                .check(CLASSES);
        noClasses().should().accessField(System.class, "err").check(CLASSES);
    }

    @Test
    void onlyTheAzureDevOpsPackageMakesOutboundCalls() {
        noClasses().that().resideOutsideOfPackage(BASE + ".integration.azuredevops..")
                .should().dependOnClassesThat().resideInAnyPackage("okhttp3..", "java.net.http..")
                .orShould().dependOnClassesThat(JavaClass.Predicates.simpleNameStartingWith("Channel")
                        .and(resideInAPackage("com.jcraft.jsch")))
                .orShould().dependOnClassesThat().belongToAnyOf(com.jcraft.jsch.Session.class)
                .because("only azuredevops builds Azure DevOps URLs and calls out (house style, docs/security.md 3);"
                        + " key intake (credential.ssh) reads keys with JSch's KeyPair, never opens a session")
                .check(CLASSES);
    }

    /**
     * The integration core knows no provider (decision 0013): nothing in {@code integration} outside
     * {@code azuredevops} names an Azure DevOps class, in the bytecode or in the source (a constant such as
     * {@code AzureDevOpsRules.ORGANIZATION_MAX} is inlined by javac and leaves no trace in the class file).
     */
    @Test
    void theIntegrationCoreDoesNotDependOnAzureDevOps() {
        noClasses().that().resideInAPackage(INTEGRATION + "..").and().resideOutsideOfPackage(AZURE + "..")
                .should().dependOnClassesThat().resideInAPackage(AZURE + "..")
                .because("Azure DevOps is a provider behind integration.provider (decision 0013)")
                .check(CLASSES);
        assertThat(coreReferencesToAzure(SourceDependencies.within(INTEGRATION)))
                .as("Azure DevOps classes named in the source of the integration core (constants included)")
                .isEmpty();
    }

    /**
     * The decrypted credential any signed-in user may cause to be used is used in one place: the Repositories tab's
     * service, which hands back only what the provider said, scrubbed (issue 11; docs/security.md A-11).
     */
    @Test
    void onlyTheRepositoryServiceUsesAStoredCredentialForViewers() {
        noClasses().that().doNotHaveFullyQualifiedName(INTEGRATION + ".browse.RepositoryService")
                .should().callMethodWhere(JavaCall.Predicates.target(HasName.Predicates.name("useStoredCredential"))
                        .and(JavaCall.Predicates.target(HasOwner.Predicates.With.owner(
                                JavaClass.Predicates.simpleName("StoredCredentialService")))))
                .because("a secret opened for viewers must not be handed to any other code")
                .check(CLASSES);
    }

    /** The two rules above catch what they are for: shown on made-up references the real code does not have. */
    @Test
    void theProviderAndCycleRulesFailWhenBroken() {
        var constant = new SourceDependencies.Reference(INTEGRATION + ".ui", AZURE, AZURE + ".AzureDevOpsRules",
                "integration/ui/IntegrationForm.java", 1);
        assertThat(coreReferencesToAzure(List.of(constant))).containsExactly(constant);
        var back = new SourceDependencies.Reference(INTEGRATION + ".credential", INTEGRATION + ".check",
                INTEGRATION + ".check.CheckService", "integration/credential/CredentialInput.java", 1);
        assertThat(cycle(integrationGraph(List.of(back)))).as("credential -> check closes a cycle").isNotEmpty();
    }

    static List<SourceDependencies.Reference> coreReferencesToAzure(List<SourceDependencies.Reference> refs) {
        return refs.stream()
                .filter(r -> !inPackage(r.fromPackage(), AZURE) && inPackage(r.toPackage(), AZURE))
                .toList();
    }

    /**
     * No cycle between the packages of {@code integration} (a package and its {@code internal} count as one), over
     * the bytecode's dependencies and the source's references together.
     */
    @Test
    void integrationPackagesHaveNoCycles() {
        assertThat(cycle(integrationGraph(SourceDependencies.within(INTEGRATION))))
                .as("a cycle between packages of integration, each step with its first evidence").isEmpty();
    }

    static Map<String, Map<String, List<String>>> integrationGraph(List<SourceDependencies.Reference> refs) {
        Map<String, Map<String, List<String>>> graph = new TreeMap<>();
        for (JavaClass from : CLASSES) {
            if (!inPackage(from.getPackageName(), INTEGRATION)) {
                continue;
            }
            for (Dependency d : from.getDirectDependenciesFromSelf()) {
                String to = d.getTargetClass().getPackageName();
                if (inPackage(to, INTEGRATION)) {
                    addEdge(graph, module(from.getPackageName()), module(to), d.getDescription());
                }
            }
        }
        for (SourceDependencies.Reference r : refs) {
            addEdge(graph, module(r.fromPackage()), module(r.toPackage()), "source: " + r);
        }
        return graph;
    }

    /** A package and its {@code internal} are one module: the service and its repositories. */
    private static String module(String packageName) {
        return packageName.endsWith(".internal") ? packageName.substring(0, packageName.length() - 9) : packageName;
    }

    private static boolean inPackage(String packageName, String root) {
        return packageName.equals(root) || packageName.startsWith(root + ".");
    }

    @Test
    void theCheckModelDoesNotDependOnTheTransports() {
        noClasses().that().resideInAPackage(BASE + ".integration.check..")
                .should().dependOnClassesThat().resideInAPackage(BASE + ".integration.azuredevops..")
                .because("CheckService reaches the checkers through the ConnectionChecker interface")
                .check(CLASSES);
    }
}
