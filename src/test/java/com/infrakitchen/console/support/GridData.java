package com.infrakitchen.console.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.infrakitchen.console.integration.ConnectionStatus;
import com.infrakitchen.console.integration.credential.AuthMethod;
import com.infrakitchen.console.integration.IntegrationFilter;
import com.infrakitchen.console.integration.IntegrationService;
import com.infrakitchen.console.integration.IntegrationSort;
import com.infrakitchen.console.integration.IntegrationSummary;
import com.infrakitchen.console.integration.diagnosis.CheckCategory;
import com.infrakitchen.console.secret.Secret;
import com.infrakitchen.console.secret.SecretCipher;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The grid's test data and its expected results, shared by the GridQueries tests (every engine, small) and
 * GridQueryBenchmark (10,000 and 100,000 rows): realistic generated integrations with labels and stored
 * checks, written straight into the tables, and each page and count the grid may ask for computed in Java
 * from the generated data.
 */
public final class GridData {

    private GridData() {
    }

    /** A stored check of a generated integration. */
    public record Check(UUID id, Instant checkedAt, CheckCategory category, String organization, Instant tokenSetAt) {
    }

    public record Generated(UUID id, String name, String organization, String description, List<String> labels,
            boolean pat, boolean enabled, LocalDate tokenExpiresOn, Instant createdAt, Instant updatedAt,
            String createdBy, String updatedBy, long version, List<Check> checks) {

        public String nameKey() {
            return name.toLowerCase(Locale.ROOT);
        }

        /** As IntegrationService.Valid.searchText(). */
        String searchText() {
            return (name + "\n" + organization + "\n" + (description == null ? "" : description))
                    .toLowerCase(Locale.ROOT);
        }

        public boolean matches(IntegrationFilter f) {
            return (f.search() == null || searchText().contains(f.search())) && labels.containsAll(f.labels())
                    && (f.method() == null || f.method() == (pat ? AuthMethod.PAT : AuthMethod.SSH))
                    && (f.enabled() == null || f.enabled() == enabled)
                && (f.connection() == null || f.connection() == connection())
                && (f.expiringBy() == null || tokenExpiresOn != null && !tokenExpiresOn.isAfter(f.expiringBy()));
        }

        /** As the grid's Connection column: the newest check's outcome, outdated, or never tested. */
        public ConnectionStatus connection() {
            Check newest = newestCheck();
            if (newest == null) {
                return ConnectionStatus.NEVER_TESTED;
            }
            return outdated(newest) ? ConnectionStatus.OUTDATED
                    : ConnectionStatus.valueOf(newest.category().outcome().name());
        }

        /** The newest check (by time; times are distinct per integration), or null. */
        public Check newestCheck() {
            return checks.stream().max(Comparator.comparing(Check::checkedAt)).orElse(null);
        }

        /**
         * As CheckRecordStore.outdated: another organization (ignoring case) or another credential set-at time
         * than the one stored (pat_set_at is the creation time for a PAT; SSH keys have none here).
         */
        public boolean outdated(Check check) {
            return !check.organization().equalsIgnoreCase(organization)
                    || !Objects.equals(check.tokenSetAt(), pat ? createdAt : null);
        }
    }

    /**
     * Filters that reach every shape of the grid's SQL on both engines: none; searches (rare, frequent, no
     * match); one to three labels; an impossible pair; search + label; method; status; combinations; a frequent
     * label alone, disabled or with a search (H2 walks); a rare pair; a label nobody has; and terms that must
     * match literally (short, non-ASCII, LIKE's wildcards and escape character).
     */
    public static List<IntegrationFilter> filters(String few, String many, String none, List<String> twoLabels) {
        return List.of(IntegrationFilter.NONE,
                new IntegrationFilter(few, List.of(), null, null),
                new IntegrationFilter(many, List.of(), null, null),
                new IntegrationFilter(none, List.of(), null, null),
                new IntegrationFilter(null, List.of("eu-west"), null, null),
                new IntegrationFilter(null, twoLabels, null, null),
                new IntegrationFilter(null, List.of("prod", "team-payments", "eu-west"), null, null),
                new IntegrationFilter(null, List.of("experimental", "no-such-label"), null, null),
                new IntegrationFilter("api", List.of("prod"), null, null),
                new IntegrationFilter(null, List.of(), AuthMethod.SSH, null),
                new IntegrationFilter(many, List.of(), null, false),
                new IntegrationFilter("payments", List.of("prod"), AuthMethod.PAT, true),
                new IntegrationFilter(null, twoLabels, null, false),
                new IntegrationFilter(null, List.of("prod"), null, null),
                new IntegrationFilter(null, List.of("prod"), null, false),
                new IntegrationFilter(few, List.of("prod"), null, null),
                new IntegrationFilter(null, List.of("experimental", "v2"), null, null),
                new IntegrationFilter(null, List.of("no-such-label"), null, null),
                new IntegrationFilter(null, List.of("prod", "team-payments", "eu-west"), AuthMethod.SSH, null),
                // Short, non-ASCII, and LIKE wildcards and escape that must match literally (the last three
                // are not in the data; unescaped, the first two of them would match many rows).
                new IntegrationFilter("qa", List.of(), null, null),
                new IntegrationFilter("é", List.of(), null, null),
                new IntegrationFilter("payments_api", List.of(), null, null),
                new IntegrationFilter("pay%api", List.of(), null, null),
                new IntegrationFilter("api\\", List.of(), null, null));
    }

    /**
     * Realistic, reproducible integrations: names like {@code payments-api-prod-042}, about 200 organizations,
     * 0 to 200 characters of description (a quarter have none), 0 to 5 labels out of 40 (some far more common
     * than others), updated over the last year, 85 % PAT (with a real ciphertext) and 15 % SSH.
     */
    public static final class Generator {

        static final List<String> DOMAINS = List.of("payments", "billing", "identity", "checkout", "catalog",
                "inventory", "shipping", "search", "pricing", "ledger", "notifications", "reporting", "analytics",
                "onboarding", "accounts", "orders", "loyalty", "fraud", "risk", "crm", "hr", "payroll", "docs",
                "media", "messaging", "scheduler", "gateway", "platform", "data", "ml");
        static final List<String> COMPONENTS = List.of("api", "web", "worker", "etl", "sync", "gateway", "service",
                "jobs", "portal", "infra", "pipeline", "mobile");
        static final List<String> ENVIRONMENTS = List.of("prod", "staging", "dev", "qa", "test", "sandbox");
        static final List<String> ORG_BASES = List.of("contoso", "fabrikam", "northwind", "adventure-works",
                "tailspin", "woodgrove", "litware", "proseware", "wingtip", "alpine-ski", "blue-yonder", "coho",
                "fourth-coffee", "lamna", "margies-travel", "munson", "relecloud", "trey-research", "wide-world",
                "graphic-design", "humongous", "lucerne", "datum", "consolidated", "southridge", "nod-publishers",
                "bellows", "woodgrove-bank", "city-power", "best-for-you", "first-up", "alpine-house",
                "tasmanian-traders", "vanarsdel", "boulder-innovations", "northwind-traders", "fabrikam-fiber",
                "contoso-pharma", "litware-labs", "coho-winery");
        static final List<String> ORG_SUFFIXES = List.of("", "-platform", "-eu", "-us", "-internal");
        static final List<String> LABELS = List.of("prod", "staging", "dev", "qa", "team-payments",
                "team-identity", "team-platform", "team-data", "team-web", "team-mobile", "team-search",
                "team-billing", "eu-west", "eu-central", "us-east", "us-west", "ap-south", "pci", "gdpr", "sox",
                "critical", "tier-1", "tier-2", "tier-3", "deprecated", "legacy", "migrating", "terraform", "bicep",
                "helm", "kubernetes", "vm", "serverless", "nightly", "on-call", "cost-center-100",
                "cost-center-200", "cost-center-300", "v2", "experimental");
        static final List<String> PHRASES = List.of("Deploys the service to production.",
                "Release pipeline for the staging environment.", "Owned by the payments team.",
                "Nightly ETL job, rebuilds the reporting tables.", "Uses a service connection with read-only scope.",
                "Migrating to workload identity federation next quarter.", "Do not disable without telling on-call.",
                "Builds container images and pushes them to the registry.", "Legacy integration kept for audits.",
                "Runs infrastructure plans and applies them after approval.",
                "Syncs work items between projects.", "Token owned by the platform service account.",
                "Creates preview environments for pull requests.", "Used by the prod deployment gates.",
                "Mirrors repositories from the old organization.");
        static final List<String> USERS = List.of("admin", "alice.admin", "bob.editor", "carol.editor",
                "dave.ops", "erin.platform", "frank.sre", "grace.payments", "heidi.data", "ivan.identity");

        static final List<CheckCategory> CATEGORIES = List.of(CheckCategory.CONNECTED, CheckCategory.CONNECTED,
                CheckCategory.CODE_WRITE_MISSING, CheckCategory.TOKEN_EXPIRED, CheckCategory.ORGANIZATION_NOT_FOUND);

        private final long seed;
        private final Random random;

        public Generator(long seed) {
            this.seed = seed;
            random = new Random(seed);
        }

        public List<Generated> generate(int size) {
            List<String> organizations = new ArrayList<>();
            for (String base : ORG_BASES) {
                for (String suffix : ORG_SUFFIXES) {
                    organizations.add(base + suffix);
                }
            }
            double[] labelWeights = new double[LABELS.size()];
            double total = 0;
            for (int i = 0; i < labelWeights.length; i++) {
                total += 1.0 / Math.sqrt(i + 1); // the first labels are the common ones
                labelWeights[i] = total;
            }
            Set<String> names = new HashSet<>();
            Set<Instant> updates = new HashSet<>();
            Instant now = Instant.parse("2026-05-01T12:00:00Z");
            List<Generated> out = new ArrayList<>(size);
            while (out.size() < size) {
                String name = pick(DOMAINS) + "-" + pick(COMPONENTS) + "-" + pick(ENVIRONMENTS) + "-"
                        + String.format(Locale.ROOT, "%03d", random.nextInt(1000));
                if (!names.add(name)) {
                    continue;
                }
                String description = null;
                if (random.nextInt(4) > 0) {
                    StringBuilder d = new StringBuilder();
                    int length = random.nextInt(201);
                    while (d.length() < length) {
                        d.append(d.isEmpty() ? "" : " ").append(pick(PHRASES));
                    }
                    description = d.substring(0, length).strip();
                    if (description.isEmpty()) {
                        description = null;
                    }
                }
                List<String> labels = new ArrayList<>();
                int labelCount = random.nextInt(6);
                while (labels.size() < labelCount) {
                    double x = random.nextDouble() * total;
                    int i = 0;
                    while (labelWeights[i] < x) {
                        i++;
                    }
                    if (!labels.contains(LABELS.get(i))) {
                        labels.add(LABELS.get(i));
                    }
                }
                Instant updated;
                do {
                    updated = now.minus(random.nextLong(365L * 24 * 3600 * 1_000_000), ChronoUnit.MICROS);
                } while (!updates.add(updated));
                Instant created = updated.minus(random.nextLong(365L * 24 * 3600), ChronoUnit.SECONDS);
                boolean pat = random.nextInt(100) < 85;
                LocalDate expires = pat && random.nextInt(10) > 0
                        ? LocalDate.of(2026, 4, 1).plusDays(random.nextInt(400)) : null;
                out.add(new Generated(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)), name,
                        pick(organizations), description, List.copyOf(labels), pat, random.nextInt(10) > 0,
                        expires, created, updated, pick(USERS), pick(USERS), random.nextInt(6), new ArrayList<>()));
            }
            addChecks(out);
            return out;
        }

        /**
         * 0 to 3 stored checks for each integration (a quarter never tested), from a random of their own, so
         * the integrations are those of earlier runs of the benchmark. Distinct times per integration; some
         * tested another organization (or the same in capitals, which is not a change) or another credential
         * than the one now stored, which makes the newest outdated when it is one of those.
         */
        private void addChecks(List<Generated> out) {
            Random checks = new Random(seed + 1);
            for (Generated g : out) {
                int n = checks.nextInt(4);
                Instant at = g.updatedAt();
                for (int k = 0; k < n; k++) {
                    at = at.plus(1 + checks.nextInt(7 * 24 * 60), ChronoUnit.MINUTES);
                    int kind = checks.nextInt(10);
                    String organization = kind == 0 ? "other-org" : kind == 1 ? g.organization().toUpperCase(Locale.ROOT)
                            : g.organization();
                    Instant setAt = g.pat() ? g.createdAt() : null;
                    if (kind == 2) {
                        setAt = g.createdAt().minus(1, ChronoUnit.DAYS);
                    }
                    g.checks().add(new Check(UUID.nameUUIDFromBytes((g.name() + "/check/" + k).getBytes(
                            StandardCharsets.UTF_8)), at, CATEGORIES.get(checks.nextInt(CATEGORIES.size())),
                            organization, setAt));
                }
            }
        }

        private String pick(List<String> list) {
            return list.get(random.nextInt(list.size()));
        }
    }

    /**
     * Batch inserts mirroring the columns IntegrationService and CheckRecordStore write (commits every 10,000
     * integrations). Returns the number of label rows.
     */
    public static int fill(DataSource dataSource, List<Generated> data, SecretCipher cipher) throws SQLException {
        int labelRows = 0;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement integration = c.prepareStatement("INSERT INTO integration (id, name, name_key,"
                    + " description, method, organization, enabled, token_expires_on, pat_ciphertext, pat_key_id,"
                    + " pat_set_at, search_text, created_at, created_by, updated_at, updated_by, version, connection)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                    PreparedStatement label = c.prepareStatement(
                            "INSERT INTO integration_label (integration_id, label) VALUES (?, ?)")) {
                int n = 0;
                for (Generated g : data) {
                    byte[] ciphertext = null;
                    if (g.pat) {
                        Secret token = Secret.of(fakeToken(g.id));
                        ciphertext = cipher.seal(token, "integration/" + g.id + "/pat/v1");
                        token.wipe();
                    }
                    integration.setObject(1, g.id);
                    integration.setString(2, g.name);
                    integration.setString(3, g.nameKey());
                    integration.setString(4, g.description);
                    integration.setString(5, g.pat ? "PAT" : "SSH");
                    integration.setString(6, g.organization);
                    integration.setBoolean(7, g.enabled);
                    integration.setObject(8, g.tokenExpiresOn);
                    integration.setBytes(9, ciphertext);
                    integration.setObject(10, ciphertext == null ? null : SecretCipher.keyIdOf(ciphertext),
                            java.sql.Types.INTEGER);
                    integration.setObject(11, g.pat ? offset(g.createdAt) : null,
                            java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
                    integration.setString(12, g.searchText());
                    integration.setObject(13, offset(g.createdAt));
                    integration.setString(14, g.createdBy);
                    integration.setObject(15, offset(g.updatedAt));
                    integration.setString(16, g.updatedBy);
                    integration.setLong(17, g.version);
                    // V12's copy, as IntegrationQueries.refreshDerived leaves it (a bulk UPDATE of 100,000 rows
                    // afterwards took H2 minutes and gigabytes)
                    integration.setString(18, g.connection() == ConnectionStatus.NEVER_TESTED ? null
                            : g.connection().name());
                    integration.addBatch();
                    for (String l : g.labels) {
                        label.setObject(1, g.id);
                        label.setString(2, l);
                        label.addBatch();
                        labelRows++;
                    }
                    if (++n % 1000 == 0) {
                        // one batch round trip per 1,000 rows; commits every 10,000
                        integration.executeBatch();
                        label.executeBatch();
                        if (n % 10_000 == 0) {
                            c.commit();
                        }
                    }
                }
                integration.executeBatch();
                label.executeBatch();
                c.commit();
            }
            try (PreparedStatement check = c.prepareStatement("INSERT INTO integration_check (id, integration_id,"
                    + " checked_at, trigger_kind, actor, outcome, category, duration_ms, organization, token_set_at,"
                    + " report) VALUES (?, ?, ?, 'MANUAL', 'tester', ?, ?, 800, ?, ?,"
                    + " '{\"steps\":[],\"decisive\":null}')")) {
                int n = 0;
                for (Generated g : data) {
                    for (Check k : g.checks) {
                        check.setObject(1, k.id());
                        check.setObject(2, g.id);
                        check.setObject(3, offset(k.checkedAt()));
                        check.setString(4, k.category().outcome().name());
                        check.setString(5, k.category().name());
                        check.setString(6, k.organization());
                        check.setObject(7, k.tokenSetAt() == null ? null : offset(k.tokenSetAt()),
                                java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
                        check.addBatch();
                        if (++n % 1000 == 0) {
                            check.executeBatch();
                        }
                    }
                }
                check.executeBatch();
                c.commit();
            }
            fillStatus(c, data);
        }
        return labelRows;
    }

    /**
     * integration_status and integration_status_change as CheckRecordStore would have left them had it stored the
     * generated checks one by one, oldest first: the newest check with the start of its run of the same outcome, and
     * each change of outcome (the first check one from none).
     */
    private static void fillStatus(Connection c, List<Generated> data) throws SQLException {
        try (PreparedStatement status = c.prepareStatement("INSERT INTO integration_status (integration_id, check_id,"
                + " checked_at, outcome, category, organization, token_set_at, since, enabled, token_expires_on)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement change = c.prepareStatement("INSERT INTO integration_status_change"
                        + " (integration_id, check_id, changed_at, from_outcome, to_outcome, category, trigger_kind)"
                        + " VALUES (?, ?, ?, ?, ?, ?, 'MANUAL')")) {
            int n = 0;
            for (Generated g : data) {
                if (g.checks.isEmpty()) {
                    continue;
                }
                List<Check> checks = g.checks.stream().sorted(Comparator.comparing(Check::checkedAt)).toList();
                Check previous = null;
                Instant since = null;
                for (Check k : checks) {
                    if (previous == null || previous.category().outcome() != k.category().outcome()) {
                        since = k.checkedAt();
                        change.setObject(1, g.id);
                        change.setObject(2, k.id());
                        change.setObject(3, offset(k.checkedAt()));
                        change.setString(4, previous == null ? null : previous.category().outcome().name());
                        change.setString(5, k.category().outcome().name());
                        change.setString(6, k.category().name());
                        change.addBatch();
                    }
                    previous = k;
                }
                status.setObject(1, g.id);
                status.setObject(2, previous.id());
                status.setObject(3, offset(previous.checkedAt()));
                status.setString(4, previous.category().outcome().name());
                status.setString(5, previous.category().name());
                status.setString(6, previous.organization());
                status.setObject(7, previous.tokenSetAt() == null ? null : offset(previous.tokenSetAt()),
                        java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
                status.setObject(8, offset(since));
                status.setBoolean(9, g.enabled);
                // V14's copy, as IntegrationQueries.refreshDerived leaves it
                status.setObject(10, g.tokenExpiresOn, java.sql.Types.DATE);
                status.addBatch();
                if (++n % 1000 == 0) {
                    status.executeBatch();
                    change.executeBatch();
                }
            }
            status.executeBatch();
            change.executeBatch();
            c.commit();
        }
    }

    static String fakeToken(UUID id) {
        return (id.toString().replace("-", "") + id.toString().replace("-", "")).substring(0, 52);
    }

    static OffsetDateTime offset(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }


    /** One page (or, without a sort, the count) against the generated data: rows, labels and newest check. */
    public static void check(IntegrationFilter filter, IntegrationSort sort, int offset, int pageSize,
            List<Generated> data, IntegrationService service) {
        List<Generated> expected = data.stream().filter(g -> g.matches(filter)).toList();
        String what = filter + " " + sort + " offset " + offset;
        if (sort == null) {
            assertThat(service.count(filter)).as(what).isEqualTo(expected.size());
            return;
        }
        List<Generated> page = expected.stream().sorted(order(sort)).skip(offset).limit(pageSize).toList();
        List<IntegrationSummary> actual = service.find(filter, sort, offset, pageSize);
        assertThat(actual).as(what).extracting(IntegrationSummary::id)
                .containsExactlyElementsOf(page.stream().map(Generated::id).toList());
        for (int i = 0; i < page.size(); i++) {
            Generated g = page.get(i);
            IntegrationSummary s = actual.get(i);
            assertThat(s.labels()).as(what).containsExactlyElementsOf(g.labels.stream().sorted().toList());
            assertThat(s.name()).isEqualTo(g.name);
            assertThat(s.organization()).isEqualTo(g.organization);
            assertThat(s.description()).isEqualTo(g.description);
            assertThat(s.updatedAt()).isEqualTo(g.updatedAt);
            assertThat(s.tokenConfigured()).isEqualTo(g.pat);
            assertThat(s.enabled()).isEqualTo(g.enabled);
            assertThat(s.tokenExpiresOn()).isEqualTo(g.tokenExpiresOn);
            Check newest = g.newestCheck();
            assertThat(s.lastCheck()).as(what + " " + g.name).isEqualTo(newest == null ? null
                    : new IntegrationSummary.LastCheck(newest.category(), newest.organization(), newest.checkedAt(),
                            g.outdated(newest)));
        }
    }

    /** The grid's order (IntegrationQueries.orderBy): the column, then the name; updated_at is unique here. */
    public static Comparator<Generated> order(IntegrationSort sort) {
        Comparator<Generated> byName = Comparator.comparing(Generated::nameKey);
        Comparator<Generated> primary = switch (sort.field()) {
            case NAME -> byName;
            case METHOD -> Comparator.comparing(g -> g.pat ? "PAT" : "SSH");
            case ORGANIZATION -> Comparator.comparing(Generated::organization);
            case TOKEN_EXPIRY -> Comparator.comparing(Generated::tokenExpiresOn,
                    Comparator.nullsLast(sort.ascending() ? Comparator.<LocalDate>naturalOrder()
                            : Comparator.<LocalDate>reverseOrder()));
            case UPDATED -> Comparator.comparing(Generated::updatedAt);
            case STATUS -> Comparator.comparing(Generated::enabled);
        };
        if (!sort.ascending() && sort.field() != IntegrationSort.Field.TOKEN_EXPIRY) {
            primary = primary.reversed();
        }
        return primary.thenComparing(byName);
    }
}
