package com.infrakitchen.console.integration.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.infrakitchen.console.integration.IntegrationData;
import com.infrakitchen.console.integration.IntegrationDetail;
import com.infrakitchen.console.integration.IntegrationService;
import com.infrakitchen.console.secret.SecretCipher;
import com.infrakitchen.console.support.As;
import com.infrakitchen.console.support.IntegrationFixtures;
import com.vaadin.browserless.SpringBrowserlessTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;

@SpringBootTest
@WithMockUser(username = "keeper", roles = "ADMIN")
class EncryptionKeysViewTest extends SpringBrowserlessTest {

    @Autowired
    IntegrationService integrations;
    @Autowired
    SecretCipher cipher;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anAdminSeesSecretsOnOldKeysAndReencryptsThem() {
        IntegrationDetail d = As.user("setup", "EDITOR", () -> integrations.create(new IntegrationData(
                "keys-" + UUID.randomUUID().toString().substring(0, 8), "", List.of(), "contoso"), IntegrationFixtures.pat("FAKEkeysviewtoken0123456789abcdefghijklmnopqrstuvwx")));
        jdbc.update("UPDATE integration SET pat_key_id = ? WHERE id = ?", cipher.primaryKeyId() + 3, d.id());
        EncryptionKeysView view = navigate(EncryptionKeysView.class);
        assertThat(view.status.getText()).contains("Primary key " + cipher.primaryKeyId())
                .doesNotContain("secrets on other keys: 0.");
        test(view.reencrypt).click();
        assertThat(view.result.getText()).startsWith("Re-encrypted ").endsWith("still on other keys 0.");
        assertThat(view.status.getText()).endsWith("secrets on other keys: 0.");
    }
}
