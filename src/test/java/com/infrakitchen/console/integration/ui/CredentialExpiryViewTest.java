package com.infrakitchen.console.integration.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.infrakitchen.console.integration.IntegrationDetail;
import com.infrakitchen.console.integration.IntegrationRuleViolation;
import com.infrakitchen.console.integration.IntegrationService;
import com.infrakitchen.console.integration.credential.AuthMethod;
import com.infrakitchen.console.integration.credential.CredentialExpiry;
import com.infrakitchen.console.integration.credential.CredentialExpiry.Level;
import com.infrakitchen.console.integration.credential.SshKeyFacts;
import com.infrakitchen.console.integration.credential.SshKeyInput;
import com.infrakitchen.console.secret.Secret;
import com.infrakitchen.console.support.As;
import com.infrakitchen.console.support.ClockControlled;
import com.infrakitchen.console.support.IntegrationFixtures;
import com.infrakitchen.console.support.MutableClock;
import com.infrakitchen.console.support.fakessh.TestSshKeys;
import com.vaadin.browserless.SpringBrowserlessTest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Issue 12 on the screens, on a clock the test moves ({@link ClockControlled}): the Overview's expiry notice at 14, 7
 * and 1 days before the token or SSH key expires (CredentialExpiry's levels, with what to do), and the SSH tab's
 * optional {@code Key added on}: today by default for a key generated here, empty for a pasted one, never in the
 * future (form and service), saved, shown with the day the key expires, kept by an edit and audited.
 */
@ClockControlled
class CredentialExpiryViewTest extends SpringBrowserlessTest {

    static final LocalDate EXPIRES = LocalDate.parse("2030-03-20");

    @Autowired
    IntegrationService integrations;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void startTheClock() {
        clock.set(ClockControlled.Beans.START);
    }

    private IntegrationDetailView detail(UUID id) {
        IntegrationDetailView view = navigate("integrations/" + id, IntegrationDetailView.class);
        roundTrip(); // the tab sheet attaches the selected tab's content before the response
        return view;
    }

    private static String level(ExpiryNotice notice) {
        return notice.getElement().getAttribute("data-level");
    }

    @Test
    @WithMockUser(username = "expiry-viewer", roles = "VIEWER")
    void theOverviewWarnsFourteenDaysBeforeTheTokenExpiresLouderFromSevenAndInTheErrorToneOnTheLastDay() {
        IntegrationDetail d = IntegrationFixtures.savedPat(integrations, IntegrationFixtures.data(
                IntegrationFixtures.uniqueName("notice")), IntegrationFixtures.fakeToken(), EXPIRES);

        clock.set(Instant.parse("2030-03-05T23:59:59Z")); // 15 days ahead: nothing yet
        assertThat(detail(d.id()).expiryNotice.isVisible()).isFalse();

        // now -> level, headline, badge theme
        Map<String, String[]> expected = new LinkedHashMap<>();
        expected.put("2030-03-06T00:00:00Z", new String[] {"days_14", "The token expires in 14 days (on 2030-03-20)",
                "badge warning"});
        expected.put("2030-03-13T00:00:00Z", new String[] {"days_7", "The token expires in 7 days (on 2030-03-20)",
                "badge error"});
        expected.put("2030-03-19T08:00:00Z", new String[] {"days_1", "The token expires tomorrow (on 2030-03-20)",
                "badge error"});
        expected.put("2030-03-20T23:00:00Z", new String[] {"days_1", "The token expires today (on 2030-03-20)",
                "badge error"});
        expected.put("2030-03-21T00:00:00Z", new String[] {"expired",
                "The token expired 1 day ago (on 2030-03-20)", "badge error"});
        expected.forEach((now, want) -> {
            clock.set(Instant.parse(now));
            ExpiryNotice notice = detail(d.id()).expiryNotice;
            assertThat(notice.isVisible()).as("at %s", now).isTrue();
            assertThat(level(notice)).as("at %s", now).isEqualTo(want[0]);
            assertThat(notice.headline.getText()).as("at %s", now).isEqualTo(want[1]);
            assertThat(notice.badge.getElement().getAttribute("theme")).as("at %s", now).isEqualTo(want[2]);
            assertThat(notice.hint.getText()).as("what to do, at %s", now).startsWith("Create a new token in Azure"
                    + " DevOps (User settings → Personal access tokens) and replace it here");
        });
        clock.set(Instant.parse("2030-03-13T00:00:00Z"));
        assertThat(detail(d.id()).expiryNotice.hint.getText()).isEqualTo("Create a new token in Azure DevOps (User"
                + " settings → Personal access tokens) and replace it here before 2030-03-20.");
    }

    @Test
    @WithMockUser(username = "expiry-viewer", roles = "VIEWER")
    void anSshKeyAddedAYearAgoIsWarnedAboutWithWhatToDoAndItsDatesAreShown() {
        IntegrationDetail d = IntegrationFixtures.savedSsh(integrations, IntegrationFixtures.data(
                IntegrationFixtures.uniqueName("ssh-notice")), LocalDate.parse("2029-03-20"));
        clock.set(Instant.parse("2030-03-15T10:00:00Z"));
        IntegrationDetailView view = detail(d.id());
        assertThat(view.expiryNotice.level()).isEqualTo(Level.DAYS_7);
        assertThat(view.expiryNotice.headline.getText()).isEqualTo("The SSH key expires in 5 days (on 2030-03-20)");
        assertThat(view.expiryNotice.hint.getText()).contains("Add a new key in Azure DevOps (User settings → SSH"
                + " public keys)").endsWith("before 2030-03-20.");
        assertThat(view.form.keyAddedOn.getLabel()).isEqualTo("Key added on");
        assertThat(view.form.keyAddedOn.getValue()).isEqualTo("2029-03-20");
        assertThat(view.form.sshKey.facts.keyDates.getText())
                .isEqualTo("Key added on 2029-03-20 · Key expires on 2030-03-20");

        clock.set(Instant.parse("2030-03-20T10:00:00Z"));
        assertThat(level(detail(d.id()).expiryNotice)).isEqualTo("days_1");

        IntegrationDetail unknown = IntegrationFixtures.savedSsh(integrations, IntegrationFixtures.data(
                IntegrationFixtures.uniqueName("ssh-unknown")), null);
        IntegrationDetailView other = detail(unknown.id());
        assertThat(other.expiryNotice.isVisible()).as("no date: no warning").isFalse();
        assertThat(other.form.sshKey.facts.keyDates.getText()).startsWith("Key added on: not entered");
    }

    @Test
    @WithMockUser(username = "expiry-editor", roles = "EDITOR")
    void keyAddedOnIsTodayForAGeneratedKeyNeverInTheFutureAndIsSavedShownKeptAndAudited() {
        IntegrationSetupView setup = navigate(IntegrationSetupView.class);
        setup.methods.setSelectedTab(setup.tab(AuthMethod.SSH));
        String name = IntegrationFixtures.uniqueName("added-on");
        test(setup.form.name).setValue(name);
        test(setup.form.organization).setValue("contoso");
        test(setup.form.testRepository).setValue("Web/web-app");
        assertThat(setup.form.keyAddedOn.getLabel()).isEqualTo("Key added on");
        assertThat(setup.form.keyAddedOn.getValue()).as("nothing before a key is there").isNull();

        test(setup.form.sshKey.generate).click();
        assertThat(setup.form.keyAddedOn.getValue()).as("generated here: the clock's today")
                .isEqualTo("2030-03-01");

        // the picker offers no day after today (its max; the tester, like the browser, refuses one): a day typed
        // or sent anyway is refused on the server with the rule's message
        assertThat(setup.form.keyAddedOn.getMax()).isEqualTo("2030-03-01");
        setup.form.keyAddedOn.setValue(LocalDate.parse("2030-03-02"));
        test(setup.save).click();
        assertThat(getCurrentView()).as("a day in the future is refused").isSameAs(setup);
        assertThat(setup.form.keyAddedOn.isInvalid()).isTrue();
        assertThat(setup.form.keyAddedOn.getErrorMessage()).isEqualTo(CredentialExpiry.KEY_ADDED_IN_FUTURE)
                .startsWith("Key added on cannot be in the future");

        test(setup.form.keyAddedOn).setValue(LocalDate.parse("2030-02-10"));
        test(setup.save).click();
        assertThat(getCurrentView()).isInstanceOf(IntegrationDetailView.class);
        UUID id = UUID.fromString(jdbc.queryForObject("SELECT CAST(id AS VARCHAR) FROM integration WHERE name = ?",
                String.class, name));
        IntegrationDetailView detail = detail(id);
        assertThat(detail.form.keyAddedOn.getValue()).isEqualTo("2030-02-10");
        assertThat(detail.form.sshKey.facts.keyDates.getText())
                .isEqualTo("Key added on 2030-02-10 · Key expires on 2031-02-10");

        // an edit that keeps the key keeps the date; changing the date is audited, without any secret
        test(detail.form.description).setValue("described");
        test(detail.save).click();
        assertThat(detail.form.keyAddedOn.getValue()).isEqualTo("2030-02-10");
        test(detail.form.keyAddedOn).setValue(LocalDate.parse("2030-02-11"));
        test(detail.save).click();
        assertThat(((SshKeyFacts) integrations.get(id).orElseThrow().credential()).keyAddedOn())
                .isEqualTo("2030-02-11");
        List<String> audit = jdbc.queryForList("SELECT COALESCE(details, '') FROM audit_event WHERE target_name = ?"
                + " ORDER BY id", String.class, name);
        assertThat(audit.getFirst()).contains("sshKeyAddedOn").contains("2030-02-10");
        assertThat(audit.getLast()).contains("sshKeyAddedOn").contains("2030-02-10").contains("2030-02-11")
                .doesNotContain("PRIVATE KEY");

        // a pasted key leaves the date as it is: empty means unknown
        IntegrationSetupView paste = navigate(IntegrationSetupView.class);
        paste.methods.setSelectedTab(paste.tab(AuthMethod.SSH));
        test(paste.form.sshKey.keyText).setValue(TestSshKeys.openssh(TestSshKeys.bob(), null, "bob"));
        assertThat(paste.form.sshKey.hasNewKey()).isTrue();
        assertThat(paste.form.keyAddedOn.getValue()).isNull();
    }

    @Test
    @WithMockUser(username = "expiry-editor", roles = "EDITOR")
    void theServiceRefusesAKeyAddedOnInTheFutureWhateverTheForm() {
        IntegrationDetail d = IntegrationFixtures.savedSsh(integrations, IntegrationFixtures.data(
                IntegrationFixtures.uniqueName("future")), LocalDate.parse("2030-03-01"));
        LocalDate tomorrow = LocalDate.parse("2030-03-02");
        assertThatThrownBy(() -> As.user("expiry-editor", "EDITOR", () -> integrations.update(d.id(), d.version(),
                d.data(), IntegrationFixtures.keepKey("Web/web-app", tomorrow))))
                .isInstanceOfSatisfying(IntegrationRuleViolation.class, v -> assertThat(v.field())
                        .isEqualTo("sshKeyAddedOn"))
                .hasMessage(CredentialExpiry.KEY_ADDED_IN_FUTURE);
        assertThatThrownBy(() -> As.user("expiry-editor", "EDITOR", () -> integrations.create(
                IntegrationFixtures.data(IntegrationFixtures.uniqueName("future-new")), new SshKeyInput(Secret.of(
                        TestSshKeys.openssh(TestSshKeys.alice(), null, "a")), null, false, "Web/web-app", tomorrow))))
                .isInstanceOf(IntegrationRuleViolation.class).hasMessage(CredentialExpiry.KEY_ADDED_IN_FUTURE);
        // the clock's today itself is fine
        IntegrationDetail kept = As.user("expiry-editor", "EDITOR", () -> integrations.update(d.id(), d.version(),
                d.data(), IntegrationFixtures.keepKey("Web/web-app", LocalDate.parse("2030-03-01"))));
        assertThat(((SshKeyFacts) kept.credential()).keyAddedOn()).isEqualTo("2030-03-01");
    }
}
