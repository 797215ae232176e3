package com.infrakitchen.console.integration;

import static com.infrakitchen.console.integration.IntegrationTestData.data;
import static com.infrakitchen.console.integration.IntegrationTestData.fakeToken;
import static com.infrakitchen.console.integration.IntegrationTestData.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.infrakitchen.console.secret.SecretCipher;
import com.infrakitchen.console.support.As;
import com.infrakitchen.console.support.IntegrationFixtures;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** docs/security.md 6.1, I-01 to I-10: every rule enforced by the service, whatever the form did. */
@SpringBootTest
class IntegrationRulesIT {

    @Autowired
    IntegrationService integrations;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SecretCipher cipher;

    private <T> T asEditor(Supplier<T> action) {
        return As.user("rules-editor", "EDITOR", action);
    }

    private IntegrationDetail create(IntegrationData data, String token) {
        return asEditor(() -> integrations.create(data, IntegrationFixtures.pat(token)));
    }

    private void assertRefused(IntegrationData data, String token, String field, String messagePart) {
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM integration", Long.class);
        assertThatThrownBy(() -> create(data, token))
                .isInstanceOf(IntegrationRuleViolation.class)
                .hasMessageContaining(messagePart)
                .satisfies(e -> assertThat(((IntegrationRuleViolation) e).field()).isEqualTo(field));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM integration", Long.class)).isEqualTo(before);
    }

    @Test
    void i01AHugeNameIsRefusedWithTheLimit() {
        assertRefused(data("n".repeat(10_000)), fakeToken(), "name", "Integration Name has 10,000 characters; at most 64");
        assertRefused(data("n".repeat(65)), fakeToken(), "name", "Integration Name has 65 characters; at most 64");
    }

    @Test
    void i02NamesAreTrimmedAndUniqueWhateverTheirCase() {
        String name = uniqueName("Prod");
        IntegrationDetail created = create(data("  " + name + "  "), fakeToken());
        assertThat(created.data().name()).isEqualTo(name);
        assertRefused(data(name), fakeToken(), "name", "already in use");
        assertRefused(data(name.toLowerCase()), fakeToken(), "name", "already in use");
        assertRefused(data(name.toUpperCase()), fakeToken(), "name", "already in use");
    }

    @Test
    void i03NamesAreAsciiOnlySoNoLookAlikeStandsBesideAnExistingName() {
        // issue 9, item 4: "gоod-int" (Cyrillic о) looked exactly like "good-int" in the grid
        String suffix = suffix();
        create(data("good-int-" + suffix), fakeToken());
        assertRefused(data("g\u043Eod-int-" + suffix), fakeToken(), "name",
                "Integration Name must be " + IntegrationRules.NAME_RULE + "; 'о' (U+043E) at position 2 is not allowed");
        for (String name : List.of("Ünïcödé-" + suffix(), "統合-" + suffix(), "שילוב-" + suffix(),
                "Cafe\u0301-" + suffix(), "ｆｕｌｌ-" + suffix(), "\u212Aelvin-" + suffix())) {
            assertRefused(data(name), fakeToken(), "name", "(ASCII only: A-Z, a-z, 0-9)");
        }
        // an emoji or a space is refused, with the rule
        assertRefused(data("rocket-\uD83D\uDE80"), fakeToken(), "name", "(ASCII only: A-Z, a-z, 0-9)");
        assertRefused(data("two words"), fakeToken(), "name", "a space (U+0020) at position 4 is not allowed");
    }

    @Test
    void tooLongValuesAreRefusedWithTheirLengthAndTheLimitNeverCut() {
        assertRefused(new IntegrationData(uniqueName("desc"), "d".repeat(10_000), List.of(), "contoso"),
                fakeToken(), "description", "Description has 10,000 characters; at most 500");
        // a tampered client without maxlength gets the exact count; at the field's hard bound it may have been cut
        assertRefused(new IntegrationData(uniqueName("desc"), "d".repeat(200_000), List.of(), "contoso"),
                fakeToken(), "description", "Description has 200,000 characters; at most 500");
        assertRefused(new IntegrationData(uniqueName("desc"), "d".repeat(100_000), List.of(), "contoso"),
                fakeToken(), "description", "Description has 100,000 characters or more; at most 500");
        assertRefused(new IntegrationData(uniqueName("org"), "", List.of(), "o".repeat(51)), fakeToken(),
                "organization", "Azure Organization has 51 characters; at most 50");
        assertRefused(new IntegrationData(uniqueName("lbl"), "", List.of("l".repeat(41)), "contoso"),
                fakeToken(), "labels", "has 41 characters; at most 40");
        assertRefused(data(uniqueName("tok")), "t".repeat(1024 * 1024), "token",
                "Azure Access Token has 1,048,576 characters; at most 1,024");
        assertRefused(data(uniqueName("tok")), "t".repeat(1025), "token",
                "Azure Access Token has 1,025 characters; at most 1,024");
        // exactly at the limits: saved as typed
        IntegrationDetail atLimits = create(new IntegrationData("n".repeat(58) + suffix(), "d".repeat(500),
                List.of("l".repeat(40)), "o".repeat(50)), fakeToken());
        assertThat(integrations(atLimits.id()).data().description()).hasSize(500);
        assertThat(integrations(atLimits.id()).data().name()).hasSize(64);
    }

    @Test
    void labelsAreAsciiOnlyAndNotFoldedIntoLookAlikes() {
        // Java's lower-casing would turn the Kelvin sign into an ASCII 'k'
        assertRefused(new IntegrationData(uniqueName("lbl"), "", List.of("\u212Aey"), "contoso"), fakeToken(),
                "labels", "'\u212A' (U+212A) at position 1 is not allowed");
        assertRefused(new IntegrationData(uniqueName("lbl"), "", List.of("pr\u043Ed"), "contoso"), fakeToken(),
                "labels", "'о' (U+043E) at position 3 is not allowed");
        assertRefused(new IntegrationData(uniqueName("lbl"), "", List.of("\u0130stanbul"), "contoso"),
                fakeToken(), "labels", "not allowed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"evil\u202Egpj", "evil\u2066x", "nul\u0000x", "line\nbreak", "cr\rx", "bell\u0007x"})
    void i04ControlAndBidiCharactersAreRefusedInNames(String name) {
        assertRefused(data(name), fakeToken(), "name", "letters, digits");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u202Eb", "a\u0000b", "a\u0007b", "a\u2066b"})
    void i04ControlCharactersOtherThanLineBreaksAreRefusedInDescriptions(String description) {
        assertRefused(new IntegrationData(uniqueName("desc"), description, List.of(), "contoso"), fakeToken(),
                "description", "control characters");
    }

    @Test
    void i04LineBreaksInDescriptionsAreKept() {
        IntegrationDetail created = create(new IntegrationData(uniqueName("lines"), "first line\r\nsecond line",
                List.of(), "contoso"), fakeToken());
        assertThat(integrations(created.id()).data().description()).isEqualTo("first line\nsecond line");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<img src=x onerror=alert(1)>", "<script>alert(1)</script>", "${7*7}", "{{7*7}}"})
    void i05MarkupAndTemplatesInDescriptionsAreStoredVerbatim(String description) {
        IntegrationDetail created = create(new IntegrationData(uniqueName("markup"), description, List.of(),
                "contoso"), fakeToken());
        assertThat(integrations(created.id()).data().description()).isEqualTo(description);
    }

    @ParameterizedTest
    @ValueSource(strings = {"my-org", "A", "a23456789012345678901234567890123456789012345678z0"})
    void i06ValidOrganizationsAreAccepted(String organization) {
        IntegrationDetail created = create(new IntegrationData(uniqueName("org"), "", List.of(), organization),
                fakeToken());
        assertThat(created.data().organization()).isEqualTo(organization);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-org", "org-", "a234567890123456789012345678901234567890123456789z1", "", "my org",
            "my_org"})
    void i07InvalidOrganizationsAreRefusedWithTheRule(String organization) {
        assertRefused(new IntegrationData(uniqueName("org"), "", List.of(), organization), fakeToken(),
                "organization", organization.isEmpty() ? "required" : "1 to 50 letters, digits or hyphens");
    }

    @ParameterizedTest
    @ValueSource(strings = {"foo/bar", "foo.bar", "foo@evil.com", "foo%2Fbar", "foo?x=1", "foo#", "..", "foo:443",
            "ｆｏｏ", "fоо"})
    void i08OrganizationsThatCouldBendAUrlAreRefusedBeforeAnythingElse(String organization) {
        assertRefused(new IntegrationData(uniqueName("ssrf"), "", List.of(), organization), fakeToken(),
                "organization", "1 to 50 letters, digits or hyphens");
    }

    @ParameterizedTest
    @ValueSource(strings = {"%s\n", "%s\r\n", "   %s", "\t%s  \n"})
    void i09TokensAreTrimmedBeforeTheyAreStored(String shape) {
        String token = fakeToken();
        IntegrationDetail created = create(data(uniqueName("trim")), shape.formatted(token));
        byte[] stored = jdbc.queryForObject("SELECT pat_ciphertext FROM integration WHERE id = ?", byte[].class,
                created.id());
        assertThat(cipher.open(stored, IntegrationCredentials.tokenPlace(created.id())).reveal()).isEqualTo(token);
    }

    @Test
    void i10MalformedTokensAreRefusedWithoutEchoingThem() {
        String base = fakeToken();
        List<String> bad = List.of(base.substring(0, 20) + " " + base.substring(20),
                base.substring(0, 20) + "\t" + base.substring(20), base.substring(0, 20) + "\n" + base.substring(20),
                base.substring(0, 20) + "é" + base.substring(21), "ab", "x".repeat(10 * 1024), "");
        for (String token : bad) {
            assertThatThrownBy(() -> create(data(uniqueName("tok")), token))
                    .isInstanceOf(IntegrationRuleViolation.class)
                    .satisfies(e -> {
                        assertThat(((IntegrationRuleViolation) e).field()).isEqualTo("token");
                        if (token.length() > 3) {
                            assertThat(e.getMessage()).doesNotContain(token).doesNotContain(base.substring(0, 20));
                        }
                    });
        }
    }

    @Test
    void labelsAreNormalisedDeduplicatedAndLimited() {
        IntegrationDetail created = create(new IntegrationData(uniqueName("labels"), "", List.of(" Prod ", "prod",
                "EU-West"), "contoso"), fakeToken());
        assertThat(created.data().labels()).containsExactly("eu-west", "prod");
        assertRefused(new IntegrationData(uniqueName("labels"), "", List.of("has space"), "contoso"),
                fakeToken(), "labels", "not allowed");
        List<String> tooMany = java.util.stream.IntStream.range(0, 21).mapToObj(i -> "l" + i).toList();
        assertRefused(new IntegrationData(uniqueName("labels"), "", tooMany, "contoso"), fakeToken(), "labels",
                "At most 20 labels");
    }

    /** README "Description: optional, at most 500 characters": 501 is refused with its length, 500 is saved whole. */
    @Test
    void aDescriptionOfFiveHundredCharactersIsSavedAndOneOfFiveHundredAndOneIsRefused() {
        assertRefusedBySave(IntegrationFixtures.data(uniqueName("desc"), "d".repeat(501), List.of(), "contoso"),
                "description", "Description has 501 characters; at most 500");
        IntegrationDetail saved = IntegrationFixtures.savedPat(integrations,
                IntegrationFixtures.data(uniqueName("desc"), "d".repeat(500), List.of(), "contoso"));
        assertThat(integrations(saved.id()).data().description()).isEqualTo("d".repeat(500));
    }

    /** README "Integration Name: ... starting with a letter or digit": '-' and '_' only after the first character. */
    @ParameterizedTest
    @ValueSource(strings = {"-abc", "_abc"})
    void aNameStartingWithAHyphenOrAnUnderscoreIsRefused(String name) {
        assertRefusedBySave(IntegrationFixtures.data(name), "name", "starting with a letter or digit");
    }

    @Test
    void hyphensAndUnderscoresAfterTheFirstCharacterAndALeadingDigitAreAccepted() {
        for (String name : List.of("a-" + suffix(), "7_" + suffix(), "abc_-" + suffix())) {
            assertThat(IntegrationFixtures.savedPat(integrations, IntegrationFixtures.data(name)).data().name())
                    .isEqualTo(name);
        }
    }

    /** As {@link #assertRefused}, saving through {@link IntegrationFixtures}. */
    private void assertRefusedBySave(IntegrationData data, String field, String messagePart) {
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM integration", Long.class);
        assertThatThrownBy(() -> IntegrationFixtures.savedPat(integrations, data))
                .isInstanceOfSatisfying(IntegrationRuleViolation.class, e -> {
                    assertThat(e.getMessage()).contains(messagePart);
                    assertThat(e.field()).isEqualTo(field);
                });
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM integration", Long.class)).isEqualTo(before);
    }

    private IntegrationDetail integrations(UUID id) {
        return asEditor(() -> integrations.get(id)).orElseThrow();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 6);
    }
}
