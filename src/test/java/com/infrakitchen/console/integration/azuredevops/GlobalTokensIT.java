package com.infrakitchen.console.integration.azuredevops;

import static org.assertj.core.api.Assertions.assertThat;

import com.infrakitchen.console.integration.check.Cancellation;
import com.infrakitchen.console.integration.check.CheckResult;
import com.infrakitchen.console.integration.diagnosis.CheckCategory;
import com.infrakitchen.console.secret.Secret;
import com.infrakitchen.console.support.fakeado.FakeAzureDevOps;
import com.infrakitchen.console.support.fakeado.FakeTokens;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Azure DevOps stopped accepting global PATs on 2026-12-01 (docs/azure-devops.md): a global token's check says so
 * in the past tense from that day, judged by the application Clock, and keeps the earlier wording before it.
 */
class GlobalTokensIT {

    static final FakeAzureDevOps FAKE = new FakeAzureDevOps();
    static AzureDevOpsHttp http;

    static final String PAST = "Global tokens no longer work: create an organization-scoped token";
    static final String BEFORE = "'contoso' does not allow tokens for all organizations";

    @BeforeAll
    static void start() {
        FAKE.start();
        http = new AzureDevOpsHttp(PatLadderIT.props(FAKE.baseUrl(), true, null));
    }

    @AfterAll
    static void stop() {
        http.shutdown();
        FAKE.close();
    }

    private static CheckResult checkOn(String instant) {
        Clock clock = Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
        return new AzureDevOpsChecker(http, clock).check(new CheckInput("contoso",
                Secret.of(FakeTokens.PAT_GLOBAL_BLOCKED), null, "fp"), new Cancellation());
    }

    @Test
    void theDayBeforeTheCheckKeepsTheEarlierWording() {
        CheckResult r = checkOn("2026-11-30T23:59:59Z");
        LocalDate today = LocalDate.of(2026, 11, 30);
        assertThat(r.category()).isEqualTo(CheckCategory.GLOBAL_TOKEN_BLOCKED);
        assertThat(r.headline(today)).isEqualTo(BEFORE).isEqualTo(r.headline());
        assertThat(r.hint(today)).contains("stops accepting global tokens on 2026-12-01");
        assertThat(PatLadderIT.step(r, AzureDevOpsChecker.STEP_PROJECTS).summary()).isEqualTo(BEFORE);
    }

    @Test
    void fromTheFirstOfDecemberTheCheckSaysGlobalTokensNoLongerWork() {
        for (String at : new String[] {"2026-12-01T00:00:00Z", "2027-06-01T12:00:00Z"}) {
            CheckResult r = checkOn(at);
            LocalDate today = LocalDate.ofInstant(Instant.parse(at), ZoneOffset.UTC);
            assertThat(r.category()).isEqualTo(CheckCategory.GLOBAL_TOKEN_BLOCKED);
            assertThat(r.headline(today)).as(at).isEqualTo(PAST);
            assertThat(r.hint(today)).as(at).contains("stopped accepting").contains("Organization: contoso")
                    .doesNotContain("stops accepting");
            assertThat(PatLadderIT.step(r, AzureDevOpsChecker.STEP_PROJECTS).summary()).as(at).isEqualTo(PAST);
        }
    }

    @Test
    void onlyTheGlobalTokenCategoryChangesWithTheDate() {
        LocalDate after = CheckCategory.GLOBAL_TOKENS_RETIRED_ON;
        for (CheckCategory c : CheckCategory.values()) {
            if (c != CheckCategory.GLOBAL_TOKEN_BLOCKED) {
                assertThat(c.headline("contoso", after)).as(c.name()).isEqualTo(c.headline("contoso"));
                assertThat(c.hint("contoso", after)).as(c.name()).isEqualTo(c.hint("contoso"));
            }
        }
        assertThat(CheckCategory.GLOBAL_TOKEN_BLOCKED.headline("contoso", after.minusDays(1))).isEqualTo(BEFORE);
    }
}
