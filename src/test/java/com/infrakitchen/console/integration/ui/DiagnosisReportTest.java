package com.infrakitchen.console.integration.ui;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

import com.infrakitchen.console.integration.check.CheckRecord;
import com.infrakitchen.console.integration.check.CheckStep;
import com.infrakitchen.console.integration.check.CheckTrigger;
import com.infrakitchen.console.integration.check.HttpDetails;
import com.infrakitchen.console.integration.check.StepStatus;
import com.infrakitchen.console.integration.diagnosis.CheckCategory;
import com.infrakitchen.console.support.SecretScan;
import com.infrakitchen.console.support.fakeado.FakeTokens;
import com.infrakitchen.console.support.fakessh.TestSshKeys;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Copy report: the plain text for a support ticket says what support needs (integration, organization, method,
 * console version, time, each step with its duration and message, HTTP status, the provider's message, ActivityId,
 * URLs called), and no secret byte reaches it: not a token a server echoed in its message (every fake token, an
 * Entra JWT, a Basic header), not a token's length, not a private key (armoured or its bare lines).
 */
class DiagnosisReportTest {

    static final String ACTIVITY = "a7c1d2e3-0000-4000-8000-00000000abcd";
    static final String PROJECTS_URL = "https://dev.azure.com/contoso/_apis/projects?$top=1&api-version=7.1";
    static final DiagnosisReport.Subject SUBJECT = new DiagnosisReport.Subject("payments-ado", "contoso", "PAT",
            "Azure DevOps", "0.1.0-test");

    static CheckRecord record(List<CheckStep> steps, HttpDetails decisive) {
        return new CheckRecord(UUID.randomUUID(), UUID.randomUUID(), Instant.parse("2026-12-05T10:15:00Z"),
                CheckTrigger.MANUAL, "tess", CheckCategory.TOKEN_EXPIRED, 412, "contoso", null, null, null, null, null,
                steps, decisive);
    }

    static HttpDetails http(String url, int status, String message) {
        return new HttpDetails("GET", url, status, "application/json", message, ACTIVITY, null, null, null);
    }

    @Test
    void theReportSaysWhatSupportNeeds() {
        HttpDetails decisive = http(PROJECTS_URL, 401, "Access Denied: The Personal Access Token used has expired.");
        String report = DiagnosisReport.of(SUBJECT, Diagnosis.of(record(List.of(
                new CheckStep("Local checks", StepStatus.PASSED, "Organization name and token format are valid.", 0,
                        null),
                new CheckStep("Organization", StepStatus.PASSED, "Organization contoso exists.", 35,
                        http("https://dev.azure.com/_apis/resourceAreas/79134c72?accountName=contoso", 200, null)),
                new CheckStep("Authentication and Project read", StepStatus.FAILED, "The access token has expired",
                        377, decisive),
                CheckStep.skipped("Identity", "Not reached")), decisive)));

        assertThat(report).contains("Integration: payments-ado", "Organization: contoso", "Provider: Azure DevOps",
                "Method: PAT", "Console version: 0.1.0-test", "Tested at: 2026-12-05 10:15 UTC",
                "Trigger: Manual · tess", "Outcome: Failed: The access token has expired", "Duration: 412 ms");
        assertThat(report).contains(
                "  1. Local checks: passed - Organization name and token format are valid.",
                "  2. Organization: passed (35 ms) - Organization contoso exists.",
                "  3. Authentication and Project read: failed (377 ms) - The access token has expired",
                "     GET " + PROJECTS_URL + " -> 401",
                "  4. Identity: skipped - Not reached");
        assertThat(report).contains("HTTP status: 401",
                "Azure DevOps message: Access Denied: The Personal Access Token used has expired.",
                "ActivityId: " + ACTIVITY, "URL called: GET " + PROJECTS_URL + " -> 401");
        assertThat(report).contains("URLs called\n  GET https://dev.azure.com/_apis/resourceAreas/79134c72"
                + "?accountName=contoso -> 200\n  GET " + PROJECTS_URL + " -> 401\n");
        assertThat(report).contains("What to do: ");
    }

    @Test
    void noTokenAServerEchoedReachesTheReport() {
        List<String> secrets = new ArrayList<>(FakeTokens.ALL_PATS);
        secrets.add(FakeTokens.ENTRA_BEARER_JWT);
        List<CheckStep> steps = new ArrayList<>();
        for (String token : secrets) {
            steps.add(new CheckStep("Echo", StepStatus.FAILED, "The server said: token " + token + " is not valid",
                    5, http(PROJECTS_URL, 401, "TF400813: '" + token + "' (Authorization: "
                            + FakeTokens.basic(token) + ") is not authorized; Bearer " + token)));
        }
        HttpDetails decisive = new HttpDetails("GET", PROJECTS_URL, 401, "text/plain", "echo " + FakeTokens.PAT_FULL
                + " / " + FakeTokens.basic(FakeTokens.PAT_FULL_84), ACTIVITY, null, null,
                "java.io.IOException: " + FakeTokens.PAT_EXPIRED);
        String report = DiagnosisReport.of(SUBJECT, Diagnosis.of(record(steps, decisive)));

        for (String token : secrets) {
            assertThat(windows(token, 8)).as("a piece of a token").noneMatch(report::contains);
            String basic = FakeTokens.basic(token).substring("Basic ".length());
            assertThat(windows(basic, 8)).as("a piece of its Basic header").noneMatch(report::contains);
        }
        assertThat(report).contains("ActivityId: " + ACTIVITY).contains(PROJECTS_URL)
                .contains("The server said: token [removed] is not valid");
    }

    @Test
    void aTokensLengthDoesNotReachTheReport() {
        String report = DiagnosisReport.of(SUBJECT, Diagnosis.of(record(List.of(
                new CheckStep("Local checks", StepStatus.WARNING, "Unusual length (61 characters; Azure DevOps"
                        + " tokens have 52 or 84)", 0, null),
                new CheckStep("Local checks", StepStatus.FAILED, "Azure Access Token is too short (12 characters):"
                        + " Azure DevOps tokens have 52 or 84", 0, null),
                new CheckStep("Local checks", StepStatus.FAILED, "Azure Access Token has 1,025 characters; at most"
                        + " 1,024", 0, null)), null)));
        assertThat(report).doesNotContain("61").doesNotContain("12 characters").doesNotContain("1,025")
                .contains("Unusual length ([removed] characters;", "too short ([removed] characters)",
                        "has [removed] characters; at most 1,024");
    }

    @Test
    void noPartOfAPrivateKeyReachesTheReportArmouredOrNot() {
        String pem = TestSshKeys.pkcs8(TestSshKeys.alice());
        String openssh = TestSshKeys.openssh(TestSshKeys.bob(), null, "bob@example");
        String bareLines = String.join("\n", openssh.lines().filter(l -> !l.startsWith("-----")).toList());
        String fingerprint = "SHA256:ohD8VZEXGWo6Ez8GSEJQ9WpafgLFsOfLOtGGQCQo6Og";
        String report = DiagnosisReport.of(SUBJECT, Diagnosis.of(record(List.of(
                new CheckStep("SSH authentication", StepStatus.FAILED, "remote: " + pem, 20, null),
                new CheckStep("SSH host key", StepStatus.PASSED, "The server's host key " + fingerprint
                        + " is trusted.", 3, null),
                new CheckStep("Repository", StepStatus.FAILED, bareLines, 5, null)),
                new HttpDetails(null, null, null, null, pem.substring(0, pem.length() / 2), null, null, null,
                        null))));
        assertThat(SecretScan.found(SecretScan.fragments(pem), List.of(report))).isEmpty();
        assertThat(SecretScan.found(SecretScan.fragments(openssh), List.of(report))).isEmpty();
        assertThat(report).doesNotContain("PRIVATE KEY").contains(fingerprint);
    }

    static List<String> windows(String secret, int size) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i + size <= secret.length(); i++) {
            out.add(secret.substring(i, i + size));
        }
        return out;
    }

    /** Azure DevOps stopped taking global tokens on 2026-12-01: from that day the report says so in the past tense. */
    @Test
    void theReportWordsAGlobalTokenRefusalForTheDayItIsMade() {
        CheckRecord r = record(List.of(), null);
        CheckRecord global = new CheckRecord(r.id(), r.integrationId(), r.checkedAt(), r.trigger(), r.actor(),
                CheckCategory.GLOBAL_TOKEN_BLOCKED, r.durationMillis(), r.organization(), r.tokenSetAt(),
                r.testRepository(), r.identity(), r.projectCount(), r.repositoryCount(), r.steps(), r.decisive());
        String after = DiagnosisReport.of(SUBJECT, Diagnosis.of(global), LocalDate.of(2026, 12, 2));
        String before = DiagnosisReport.of(SUBJECT, Diagnosis.of(global), LocalDate.of(2026, 11, 30));
        assertThat(after).contains("Global tokens no longer work: create an organization-scoped token");
        assertThat(before).doesNotContain("no longer work")
                .contains(CheckCategory.GLOBAL_TOKEN_BLOCKED.headline("contoso", LocalDate.of(2026, 11, 30)));
    }
}
