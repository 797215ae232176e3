package com.infrakitchen.console.support.fakeado;

import static com.infrakitchen.console.support.fakeado.FakeAzureDevOps.ALICE_ID;
import static com.infrakitchen.console.support.fakeado.FakeAzureDevOps.BIGORG;
import static com.infrakitchen.console.support.fakeado.FakeAzureDevOps.BOB_ID;
import static com.infrakitchen.console.support.fakeado.FakeAzureDevOps.CONTOSO;
import static com.infrakitchen.console.support.fakeado.FakeAzureDevOps.CONTOSO_TENANT;
import static com.infrakitchen.console.support.fakeado.FakeAzureDevOps.FABRIKAM;
import static com.infrakitchen.console.support.fakeado.FakeAzureDevOps.FABRIKAM_FIBER_PROJECT_ID;
import static com.infrakitchen.console.support.fakeado.FakeAzureDevOps.FRANK_ID;
import static com.infrakitchen.console.support.fakeado.FakeAzureDevOps.MSA_TENANT;
import static com.infrakitchen.console.support.fakeado.FakeAzureDevOps.WEB_PROJECT_ID;

import com.infrakitchen.console.support.fakeentra.EntraFixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The fixed data of §12.1: organizations, projects, repositories, refs, users and tokens. Immutable. */
final class AdoFixtures {

    static final String SCOPE_PROJECT = "vso.project";
    static final String SCOPE_CODE = "vso.code";
    static final String SCOPE_CODE_WRITE = "vso.code_write";
    static final String SCOPE_PROFILE = "vso.profile";

    record Ref(String name, String objectId) {
    }

    /** {@code defaultBranch} is null for an empty repository. */
    record Repo(String id, String name, String defaultBranch, long size, boolean disabled, List<Ref> refs) {
    }

    record Project(String id, String name, String description, int revision, String lastUpdateTime,
            List<Repo> repos) {
    }

    record Org(String name, String tenant, String instanceId, List<Project> projects) {

        boolean entraBacked() {
            return !MSA_TENANT.equals(tenant);
        }

        Optional<Project> project(String nameOrId) {
            return projects.stream().filter(p -> p.name().equalsIgnoreCase(nameOrId) || p.id().equalsIgnoreCase(nameOrId))
                    .findFirst();
        }
    }

    /**
     * A user, or (when {@code servicePrincipal}) an Entra service principal: its id is the principal's object id and
     * its {@code email} the app's client id, which the fake shows where a user's sign-in name goes [inf].
     */
    record Identity(String id, String displayName, String email, String tenant, boolean servicePrincipal) {

        Identity(String id, String displayName, String email, String tenant) {
            this(id, displayName, email, tenant, false);
        }

        /** The identity descriptor as connectionData shows it. */
        String descriptor() {
            if (servicePrincipal) {
                return "Microsoft.VisualStudio.Services.Claims.AadServicePrincipal;" + tenant + "\\" + id;
            }
            return "Microsoft.IdentityModel.Claims.ClaimsIdentity;" + tenant + "\\" + email;
        }

        String subjectDescriptor() {
            String kind = servicePrincipal ? "aadsp." : MSA_TENANT.equals(tenant) ? "msa." : "aad.";
            return kind + java.util.Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(id.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** How a token behaves. */
    enum Kind {
        VALID, EXPIRED, NOT_MEMBER, GLOBAL_BLOCKED, CAP_BLOCKED, RATE_LIMITED, FLAKY
    }

    /** What an identity may see once it is in: everything its scopes allow, or less (service principals, §12.6). */
    enum Access {
        /** Whatever the scopes allow. */
        FULL,
        /** Access level Stakeholder: projects yes, Git routes 404 TF401019 [inf]. */
        STAKEHOLDER,
        /** A member with no permission on any project: no project listed, repositories 404 VS800075 [inf]. */
        NO_PROJECT
    }

    /**
     * A known token: its behaviour, the orgs it belongs to (empty = every org, for the kinds that ignore the org)
     * and, when it authenticates, its user, scopes and access.
     */
    record Grant(Kind kind, Set<String> orgs, Identity user, Set<String> scopes, Access access) {

        Grant(Kind kind, Set<String> orgs, Identity user, Set<String> scopes) {
            this(kind, orgs, user, scopes, Access.FULL);
        }

        boolean belongsTo(Org org) {
            return orgs.isEmpty() || orgs.contains(org.name());
        }
    }

    static final Identity ALICE = new Identity(ALICE_ID, "Alice", "alice@contoso.com", CONTOSO_TENANT);
    static final Identity BOB = new Identity(BOB_ID, "Bob", "bob@northwind.com", CONTOSO_TENANT);
    static final Identity FRANK = new Identity(FRANK_ID, "Frank", "frank@fabrikam.com", MSA_TENANT);

    private static final Set<String> FULL = Set.of(SCOPE_PROJECT, SCOPE_CODE, SCOPE_CODE_WRITE, SCOPE_PROFILE);
    private static final Set<String> CONTOSO_ONLY = Set.of(CONTOSO);
    private static final Set<String> CONTOSO_AND_BIGORG = Set.of(CONTOSO, BIGORG, FakeAzureDevOps.WIDEORG,
            FakeAzureDevOps.HUGEORG);

    static final Map<String, Grant> TOKENS = Map.ofEntries(
            Map.entry(FakeTokens.PAT_FULL, new Grant(Kind.VALID, CONTOSO_AND_BIGORG, ALICE, FULL)),
            Map.entry(FakeTokens.PAT_FULL_84, new Grant(Kind.VALID, CONTOSO_AND_BIGORG, ALICE, FULL)),
            Map.entry(FakeTokens.PAT_PROJECT_ONLY, new Grant(Kind.VALID, CONTOSO_ONLY, ALICE, Set.of(SCOPE_PROJECT))),
            Map.entry(FakeTokens.PAT_CODE_ONLY, new Grant(Kind.VALID, CONTOSO_ONLY, ALICE, Set.of(SCOPE_CODE))),
            Map.entry(FakeTokens.PAT_CODE_READ,
                    new Grant(Kind.VALID, CONTOSO_ONLY, ALICE, Set.of(SCOPE_PROJECT, SCOPE_CODE))),
            Map.entry(FakeTokens.PAT_EXPIRED, new Grant(Kind.EXPIRED, CONTOSO_ONLY, ALICE, FULL)),
            Map.entry(FakeTokens.PAT_OTHER_ORG, new Grant(Kind.VALID, Set.of(FABRIKAM), FRANK, FULL)),
            Map.entry(FakeTokens.PAT_NOT_MEMBER, new Grant(Kind.NOT_MEMBER, Set.of(), BOB, FULL)),
            Map.entry(FakeTokens.PAT_GLOBAL_BLOCKED, new Grant(Kind.GLOBAL_BLOCKED, Set.of(), ALICE, FULL)),
            Map.entry(FakeTokens.PAT_CAP_BLOCKED, new Grant(Kind.CAP_BLOCKED, CONTOSO_ONLY, ALICE, FULL)),
            Map.entry(FakeTokens.PAT_RATE_LIMITED, new Grant(Kind.RATE_LIMITED, CONTOSO_AND_BIGORG, ALICE, FULL)),
            Map.entry(FakeTokens.PAT_FLAKY, new Grant(Kind.FLAKY, CONTOSO_AND_BIGORG, ALICE, FULL)));
    // PAT_REVOKED and PAT_UNKNOWN are deliberately absent: the fake cannot tell them from garbage (F2).

    /** What an Entra bearer token stands for: Alice, every scope, every org. */
    static final Grant ENTRA_GRANT = new Grant(Kind.VALID, Set.of(), ALICE, FULL);

    /**
     * What a token of the fake Entra stands for in the organizations its app was added to (contoso only), by app;
     * {@link EntraFixtures.App#UNADDED} has none (TF401444 everywhere).
     */
    static final Map<EntraFixtures.App, Grant> SERVICE_PRINCIPALS = Map.of(
            EntraFixtures.App.FULL, servicePrincipal(EntraFixtures.App.FULL, Access.FULL),
            EntraFixtures.App.STAKEHOLDER, servicePrincipal(EntraFixtures.App.STAKEHOLDER, Access.STAKEHOLDER),
            EntraFixtures.App.NO_PROJECT, servicePrincipal(EntraFixtures.App.NO_PROJECT, Access.NO_PROJECT));

    private static Grant servicePrincipal(EntraFixtures.App app, Access access) {
        Identity identity = new Identity(app.objectId(), app.displayName(), app.clientId(), CONTOSO_TENANT, true);
        return new Grant(Kind.VALID, CONTOSO_ONLY, identity, FULL, access);
    }

    static final String MAIN_SHA = "ffe9cba521f00d7f60e322845072238635edb451";

    private static final Repo WEB_APP = new Repo("d0d0d0d0-0000-4000-8000-000000000001", "web-app", "refs/heads/main",
            2048, false, List.of(
                    new Ref("refs/heads/develop", "8e4b7f0c1d2a3b4c5d6e7f8091a2b3c4d5e6f708"),
                    new Ref("refs/heads/feature/login", "3c2b1a09f8e7d6c5b4a3928170f6e5d4c3b2a190"),
                    new Ref("refs/heads/main", MAIN_SHA),
                    new Ref("refs/tags/v1.0", "0a1b2c3d4e5f60718293a4b5c6d7e8f901234567")));
    private static final Repo EMPTY_REPO = new Repo("d0d0d0d0-0000-4000-8000-000000000002", "empty-repo", null, 0,
            false, List.of());
    private static final Repo OLD = new Repo("d0d0d0d0-0000-4000-8000-000000000003", "old", "refs/heads/main", 512,
            true, List.of(new Ref("refs/heads/main", "5d4c3b2a190f8e7d6c5b4a3928170f6e5d4c3b2a")));

    private static final Org CONTOSO_ORG = new Org(CONTOSO, CONTOSO_TENANT, "c1c1c1c1-0000-4000-8000-000000000001",
            List.of(new Project(WEB_PROJECT_ID, "Web", "The public web site.", 411, "2025-05-10T08:12:31.733Z",
                            List.of(WEB_APP, EMPTY_REPO, OLD)),
                    new Project(FABRIKAM_FIBER_PROJECT_ID, "Fabrikam Fiber", null, 412, "2025-06-01T10:00:00Z",
                            List.of())));

    private static final Org FABRIKAM_ORG = new Org(FABRIKAM, MSA_TENANT, "c1c1c1c1-0000-4000-8000-000000000002",
            List.of(new Project("c0c0c0c0-0000-4000-8000-0000000000f1", "Fabrikam-Fiber-Git", null, 100,
                    "2025-01-01T00:00:00Z", List.of(new Repo("d0d0d0d0-0000-4000-8000-0000000000f1",
                            "Fabrikam-Fiber-Git", "refs/heads/main", 1383, false,
                            List.of(new Ref("refs/heads/main", MAIN_SHA)))))));

    private static final Org BIGORG_ORG = new Org(BIGORG, "22222222-2222-2222-2222-222222222222",
            "c1c1c1c1-0000-4000-8000-000000000003", bigProjects());

    private static final Org WIDEORG_ORG = new Org(FakeAzureDevOps.WIDEORG, CONTOSO_TENANT,
            "c1c1c1c1-0000-4000-8000-000000000004", manyRepositories(4, FakeAzureDevOps.WIDEORG_REPOSITORY_COUNT,
                    FakeAzureDevOps.WIDEORG_PROJECT_COUNT, 0));

    private static final Org HUGEORG_ORG = new Org(FakeAzureDevOps.HUGEORG, CONTOSO_TENANT,
            "c1c1c1c1-0000-4000-8000-000000000005", manyRepositories(5, FakeAzureDevOps.HUGEORG_REPOSITORY_COUNT,
                    FakeAzureDevOps.HUGEORG_PROJECT_COUNT, FakeAzureDevOps.HUGEORG_FIRST_REPOSITORY_REFS));

    private static final Map<String, Org> ORGS = Map.of(CONTOSO, CONTOSO_ORG, FABRIKAM, FABRIKAM_ORG, BIGORG,
            BIGORG_ORG, FakeAzureDevOps.WIDEORG, WIDEORG_ORG, FakeAzureDevOps.HUGEORG, HUGEORG_ORG);

    private AdoFixtures() {
    }

    /** Org names are compared case-insensitively; responses use the stored case. */
    static Optional<Org> org(String name) {
        return Optional.ofNullable(ORGS.get(name.toLowerCase(Locale.ROOT)));
    }

    static Optional<Repo> repo(Project project, String nameOrId) {
        return project.repos().stream()
                .filter(r -> r.name().equalsIgnoreCase(nameOrId) || r.id().equalsIgnoreCase(nameOrId)).findFirst();
    }

    /**
     * {@code repositories} repositories spread over {@code projects} projects, named as teams name them
     * ({@code payments-service-0042}), each with a default branch; the first one also has {@code firstRepoRefs}
     * branches and tags (its Git advertisement then runs to hundreds of kilobytes, as a monorepo's does).
     */
    private static List<Project> manyRepositories(int org, int repositories, int projects, int firstRepoRefs) {
        String[] teams = {"payments", "identity", "search", "checkout", "catalog", "platform", "data", "mobile"};
        List<List<Repo>> perProject = new ArrayList<>();
        for (int p = 0; p < projects; p++) {
            perProject.add(new ArrayList<>());
        }
        for (int i = 1; i <= repositories; i++) {
            List<Ref> refs = new ArrayList<>();
            refs.add(new Ref("refs/heads/main", sha(org, i, 0)));
            if (i == 1) {
                for (int r = 1; r < firstRepoRefs; r++) {
                    refs.add(new Ref(String.format(Locale.ROOT, r % 2 == 0 ? "refs/heads/feature/change-%05d"
                            : "refs/tags/release-%05d", r), sha(org, i, r)));
                }
            }
            perProject.get((i - 1) % projects).add(new Repo(
                    String.format(Locale.ROOT, "d%d%06d-0000-4000-8000-%012d", org, i, i),
                    String.format(Locale.ROOT, "%s-service-%04d", teams[i % teams.length], i), "refs/heads/main",
                    1000L + i * 37L, false, List.copyOf(refs)));
        }
        List<Project> result = new ArrayList<>();
        for (int p = 0; p < projects; p++) {
            result.add(new Project(String.format(Locale.ROOT, "e%d%06d-0000-4000-8000-%012d", org, p + 1, p + 1),
                    String.format(Locale.ROOT, "Team %02d", p + 1), "Services of team " + (p + 1) + ".", 100 + p,
                    "2025-03-01T09:00:00Z", List.copyOf(perProject.get(p))));
        }
        return List.copyOf(result);
    }

    private static String sha(int org, int repo, int ref) {
        return String.format(Locale.ROOT, "%08x%08x%08x%016x", org, repo, ref, (long) repo * 31 + ref);
    }

    private static List<Project> bigProjects() {
        List<Project> projects = new ArrayList<>();
        for (int i = 1; i <= FakeAzureDevOps.BIGORG_PROJECT_COUNT; i++) {
            projects.add(new Project(String.format(Locale.ROOT, "b0b0b0b0-0000-4000-8000-%012d", i),
                    String.format(Locale.ROOT, "Project %03d", i), null, i, "2025-01-01T00:00:00Z", List.of()));
        }
        return List.copyOf(projects);
    }
}
