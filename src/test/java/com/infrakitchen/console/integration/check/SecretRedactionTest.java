package com.infrakitchen.console.integration.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.infrakitchen.console.integration.diagnosis.CheckCategory;
import com.infrakitchen.console.secret.Secret;
import com.infrakitchen.console.support.SecretScan;
import com.infrakitchen.console.support.fakeado.FakeTokens;
import com.infrakitchen.console.support.fakessh.TestSshKeys;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What {@link CheckService} does to everything a checker reports before it is shown, audited or stored: the exact
 * secrets of the test (a token whole or in part, its Basic header, a private key's lines, a passphrase) are removed
 * from every text of every step and of the deciding exchange; what is not a secret is left as it was.
 */
class SecretRedactionTest {

    static final String TOKEN = FakeTokens.PAT_FULL;

    static HttpDetails echo(String message) {
        return new HttpDetails("GET", "https://dev.azure.com/contoso/_apis/projects", 401, "application/json",
                message, "a7c1d2e3-0000-4000-8000-00000000abcd", null, null, "cut: " + message);
    }

    @Test
    void aTokenEchoedWholeOrInPartOrAsItsBasicHeaderIsRemovedFromEveryText() {
        SecretRedaction redaction = SecretRedaction.of(List.of(Secret.of(TOKEN)));
        String basic = FakeTokens.basic(TOKEN);
        CheckStep step = new CheckStep("Authentication", StepStatus.FAILED, "Token " + TOKEN + " refused", 30,
                echo("The token starting " + TOKEN.substring(0, 12) + " is unknown; got " + basic));
        CheckResult result = new CheckResult(CheckCategory.TOKEN_REJECTED, "contoso", "Alice " + TOKEN.substring(20),
                null, null, List.of(step), step.http(), Instant.EPOCH, 30, "fp");

        CheckResult scrubbed = redaction.scrub(result);

        assertThat(scrubbed.steps().getFirst().summary()).isEqualTo("Token [secret removed] refused");
        assertThat(scrubbed.decisive().serverMessage()).as("base64 padding is no secret").matches(
                "The token starting \\[secret removed] is unknown; got Basic \\[secret removed]=*");
        assertThat(scrubbed.decisive().error()).startsWith("cut: The token starting [secret removed]");
        assertThat(scrubbed.identity()).isEqualTo("Alice [secret removed]");
        String all = String.join("|", scrubbed.steps().getFirst().summary(), scrubbed.decisive().serverMessage(),
                scrubbed.decisive().error(), scrubbed.steps().getFirst().http().serverMessage(), scrubbed.identity());
        for (int i = 0; i + SecretRedaction.WINDOW <= TOKEN.length(); i++) {
            assertThat(all).doesNotContain(TOKEN.substring(i, i + SecretRedaction.WINDOW));
        }
        assertThat(scrubbed.decisive().activityId()).isEqualTo("a7c1d2e3-0000-4000-8000-00000000abcd");
        assertThat(scrubbed.decisive().url()).isEqualTo("https://dev.azure.com/contoso/_apis/projects");
        assertThat(scrubbed.category()).isEqualTo(CheckCategory.TOKEN_REJECTED);
        assertThat(scrubbed.fingerprint()).isEqualTo("fp");
    }

    @Test
    void aPrivateKeysLinesAndItsPassphraseAreRemovedButTheArmourWordsAndOtherTextStay() {
        String pem = TestSshKeys.pkcs8Encrypted(TestSshKeys.alice(), TestSshKeys.PASSPHRASE);
        SecretRedaction redaction = SecretRedaction.of(List.of(Secret.of(pem), Secret.of(TestSshKeys.PASSPHRASE)));
        String echoed = redaction.text("remote: " + pem + " with passphrase " + TestSshKeys.PASSPHRASE);
        assertThat(SecretScan.found(SecretScan.fragments(pem), List.of(echoed))).isEmpty();
        assertThat(echoed).doesNotContain(TestSshKeys.PASSPHRASE).startsWith("remote: -----BEGIN");
        assertThat(redaction.text("An RSA 2048-bit key (PKCS#8, encrypted).")).isEqualTo(
                "An RSA 2048-bit key (PKCS#8, encrypted).");
    }

    @Test
    void textWithoutSecretsIsReturnedAsItWasAndWipeForgetsThem() {
        SecretRedaction redaction = SecretRedaction.of(List.of(Secret.of(TOKEN), Secret.of("abc")));
        assertThat(redaction.text("Connected as Alice; 2 projects, abc")).isEqualTo(
                "Connected as Alice; 2 projects, abc");
        redaction.wipe();
        assertThat(redaction.text("Token " + TOKEN)).as("nothing is held after wipe").isEqualTo("Token " + TOKEN);
    }
}
