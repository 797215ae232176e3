package com.infrakitchen.console.integration.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.infrakitchen.console.integration.IntegrationService;
import com.infrakitchen.console.shared.TextLimits;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.combobox.ComboBoxBase;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Issue 9, item 4, in the setup form: a value is never cut to its limit by the browser and saved without a
 * word; the field says how long it is and keeps it for the user to shorten, and a refused label stays and
 * stops Save until it is fixed or cleared. A look-alike name is refused with the character that is not allowed.
 */
@SpringBootTest
@WithMockUser(username = "ines", roles = "EDITOR")
class InputLimitsViewTest extends SpringBrowserlessTest {

    @Autowired
    IntegrationService integrations;

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static final String TOKEN = "fakefull7notasecretnotasecretnotasecretnotasecretnot";

    private IntegrationSetupView filledForm() {
        IntegrationSetupView view = navigate(IntegrationSetupView.class);
        test(view.form.name).setValue(unique("limits"));
        test(view.form.organization).setValue("contoso");
        test(view.form.token.input).setValue(TOKEN);
        return view;
    }

    @Test
    void noFieldIsCutToItsLimitInTheBrowser() {
        IntegrationSetupView view = navigate(IntegrationSetupView.class);
        assertThat(view.form.name.getMaxLength()).isEqualTo(TextLimits.FIELD_HARD_MAX);
        assertThat(view.form.description.getMaxLength()).isEqualTo(TextLimits.FIELD_HARD_MAX);
        assertThat(view.form.organization.getMaxLength()).isEqualTo(TextLimits.FIELD_HARD_MAX);
        assertThat(view.form.token.input.getMaxLength()).isEqualTo(TextLimits.FIELD_HARD_MAX);
        assertThat(view.form.testRepository.getMaxLength()).isEqualTo(TextLimits.FIELD_HARD_MAX);
    }

    @Test
    void tooLongValuesAreKeptAndReportedWithTheirLengthAndNothingIsSaved() {
        IntegrationSetupView view = filledForm();
        long before = integrations.count(null);
        String name = "n".repeat(65);
        String description = "d".repeat(10_000);
        test(view.form.name).setValue(name);
        test(view.form.description).setValue(description);
        test(view.save).click();

        assertThat(view.form.name.getValue()).isEqualTo(name);
        assertThat(view.form.name.isInvalid()).isTrue();
        assertThat(view.form.name.getErrorMessage()).isEqualTo("Integration Name has 65 characters; at most 64");
        assertThat(view.form.description.getValue()).isEqualTo(description);
        assertThat(view.form.description.isInvalid()).isTrue();
        assertThat(view.form.description.getErrorMessage()).isEqualTo("Description has 10,000 characters; at most 500");
        assertThat(integrations.count(null)).isEqualTo(before);
    }

    @Test
    void aTamperedClientBeyondTheHardBoundGetsTheSameMessageNextToTheField() {
        IntegrationSetupView view = filledForm();
        long before = integrations.count(null);
        // what a client that removed maxlength sends
        test(view.form.description).setValue("d".repeat(TextLimits.FIELD_HARD_MAX + 5));
        test(view.form.organization).setValue("o".repeat(TextLimits.FIELD_HARD_MAX + 1));
        test(view.form.token.input).setValue("t".repeat(1024 * 1024));
        test(view.save).click();

        assertThat(view.form.description.getErrorMessage()).isEqualTo("Description has 100,005 characters; at most 500");
        assertThat(view.form.organization.isInvalid()).isTrue();
        assertThat(view.form.organization.getErrorMessage()).startsWith(
                "Azure Organization has 100,001 characters; at most 50");
        assertThat(view.form.token.input.isInvalid()).isTrue();
        assertThat(view.form.token.input.getErrorMessage()).startsWith(
                "Azure Access Token has 1,048,576 characters; at most 1,024").doesNotContain("tttt");
        assertThat(integrations.count(null)).isEqualTo(before);
    }

    @Test
    void aLookAlikeNameIsRefusedWithTheCharacterThatIsNotAllowed() {
        IntegrationSetupView view = filledForm();
        test(view.form.name).setValue("g\u043Eod-int");
        assertThat(view.form.name.isInvalid()).isTrue();
        assertThat(view.form.name.getErrorMessage()).contains("(ASCII only: A-Z, a-z, 0-9)")
                .endsWith("'\u043E' (U+043E) at position 2 is not allowed");
        assertThat(view.form.name.getHelperText()).contains("(ASCII only: A-Z, a-z, 0-9)");
    }

    @Test
    void aRefusedLabelStaysAndStopsSaveUntilItIsFixedOrCleared() {
        IntegrationSetupView view = filledForm();
        long before = integrations.count(null);
        LabelField labels = view.form.labels;
        labels.typed("Foo Bar!");
        ComponentUtil.fireEvent(labels, new ComboBoxBase.CustomValueSetEvent<>(labels, true, "Foo Bar!"));
        assertThat(labels.getValue()).isEmpty();
        assertThat(labels.isInvalid()).isTrue();
        assertThat(labels.getErrorMessage()).startsWith("'Foo Bar!' was not added: a space (U+0020) at position 4 is not allowed");

        test(view.save).click();
        assertThat(integrations.count(null)).isEqualTo(before);
        assertThat($(IntegrationSetupView.class).all()).hasSize(1);
        assertThat(labels.isInvalid()).isTrue();
        assertThat(labels.getErrorMessage()).startsWith("'Foo Bar!' was not added: ");

        // typed but Enter not pressed: Save says so too
        labels.typed("prod");
        test(view.save).click();
        assertThat(integrations.count(null)).isEqualTo(before);
        assertThat(labels.getErrorMessage()).isEqualTo("'prod' was not added: press Enter to add it, or clear the text");

        // fixed: added with Enter; Save goes ahead
        ComponentUtil.fireEvent(labels, new ComboBoxBase.CustomValueSetEvent<>(labels, true, "prod"));
        assertThat(labels.isInvalid()).isFalse();
        test(view.save).click();
        assertThat(integrations.count(null)).isEqualTo(before + 1);
        IntegrationDetailView detail = $(IntegrationDetailView.class).single();
        assertThat(detail.form.labels.labels()).containsExactly("prod");
    }

    @Test
    void aClearedRefusedLabelNoLongerStopsSave() {
        IntegrationSetupView view = filledForm();
        long before = integrations.count(null);
        LabelField labels = view.form.labels;
        ComponentUtil.fireEvent(labels, new ComboBoxBase.CustomValueSetEvent<>(labels, true, "x".repeat(41)));
        assertThat(labels.getErrorMessage()).endsWith("was not added: it has 41 characters; at most 40");
        labels.typed("");
        assertThat(labels.isInvalid()).isFalse();
        test(view.save).click();
        assertThat(integrations.count(null)).isEqualTo(before + 1);
    }
}
