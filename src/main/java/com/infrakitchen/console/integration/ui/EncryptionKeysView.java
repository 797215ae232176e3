package com.infrakitchen.console.integration.ui;

import com.infrakitchen.console.base.ui.MainLayout;
import com.infrakitchen.console.integration.SecretRotationService.KeyStatus;
import com.infrakitchen.console.integration.SecretRotationService.ReencryptionReport;
import com.infrakitchen.console.integration.SecretRotationService;
import com.infrakitchen.console.security.Roles;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.stream.Collectors;

/**
 * {@code /keys} (admins): which key encrypts new secrets, how many stored secrets still use another key,
 * and the re-encryption job of a key rotation.
 */
@Route("keys")
@Menu(title = "Encryption keys", order = 40, icon = "vaadin:key")
@PageTitle("Encryption keys" + MainLayout.TITLE_SUFFIX)
@RolesAllowed(Roles.ADMIN)
class EncryptionKeysView extends VerticalLayout {

    private final transient SecretRotationService rotation;
    final Span status = new Span();
    final Span result = new Span();
    final Button reencrypt = new Button("Re-encrypt secrets with the primary key");

    EncryptionKeysView(SecretRotationService rotation) {
        this.rotation = rotation;
        addClassName("page");
        Paragraph intro = new Paragraph("Tokens are encrypted with AES-256-GCM using the key set from APP_KEYSET_FILE"
                + " or APP_KEYSET. To rotate:");
        intro.addClassName("page-intro");
        OrderedList steps = new OrderedList(
                new ListItem("Back up the database and the current key set."),
                new ListItem("Add a new key to the key set (Tinkey: add-key), restart every instance."),
                new ListItem("Promote it to primary (Tinkey: promote-key), restart every instance."),
                new ListItem("Run the re-encryption below until nothing remains on other keys."),
                new ListItem("Disable, then delete the old key; keep an offline copy as long as old backups."));
        reencrypt.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        reencrypt.setId("reencrypt");
        reencrypt.setDisableOnClick(true);
        reencrypt.addClickListener(e -> {
            ReencryptionReport r = rotation.reencryptSecrets();
            result.setText("Re-encrypted " + r.reencrypted() + "; skipped because edited meanwhile "
                    + r.skippedConcurrentEdits() + "; unreadable " + r.unreadable() + "; still on other keys "
                    + r.remaining() + (r.remaining() > 0 ? ": run it again." : "."));
            refresh();
            reencrypt.setEnabled(true);
        });
        status.setId("key-status");
        result.setId("reencrypt-result");
        add(intro, steps, status, reencrypt, result);
        refresh();
    }

    private void refresh() {
        KeyStatus s = rotation.status();
        status.setText("Primary key " + s.primaryKeyId() + "; keys in the key set: "
                + s.keyIds().stream().map(String::valueOf).collect(Collectors.joining(", "))
                + "; secrets on other keys: " + s.secretsOnOtherKeys() + ".");
    }
}
