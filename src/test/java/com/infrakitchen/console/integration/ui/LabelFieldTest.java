package com.infrakitchen.console.integration.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.combobox.ComboBoxBase;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabelFieldTest {

    @Test
    void typedLabelsAreTrimmedLowerCasedAndAddedOnce() {
        LabelField field = new LabelField("Labels", List.of("prod"));
        assertThat(field.add("  Team-Payments ")).isEmpty();
        assertThat(field.add("team-payments")).isEmpty();
        assertThat(field.add("prod")).isEmpty();
        assertThat(field.labels()).containsExactly("prod", "team-payments");
        assertThat(field.isInvalid()).isFalse();
    }

    @Test
    void anInvalidLabelIsRefusedWithTheRuleAndNotAdded() {
        LabelField field = new LabelField("Labels", List.of());
        field.add("ok");
        assertThat(field.add("has space")).hasValueSatisfying(m -> assertThat(m).contains("not allowed"));
        assertThat(field.isInvalid()).isTrue();
        assertThat(field.getErrorMessage()).contains("lowercase letters, digits");
        assertThat(field.add("x".repeat(41))).isPresent();
        assertThat(field.labels()).containsExactly("ok");
    }

    @Test
    void theTwentyFirstLabelIsRefused() {
        LabelField field = new LabelField("Labels", List.of());
        for (int i = 0; i < 20; i++) {
            assertThat(field.add("l" + i)).isEmpty();
        }
        assertThat(field.add("one-too-many")).contains("At most 20 labels");
        assertThat(field.labels()).hasSize(20).doesNotContain("one-too-many");
    }

    @Test
    void pressingEnterOnATypedLabelAddsItAsAChip() {
        LabelField field = new LabelField("Labels", List.of());
        ComponentUtil.fireEvent(field, new ComboBoxBase.CustomValueSetEvent<>(field, true, "EU-West"));
        assertThat(field.labels()).containsExactly("eu-west");
        assertThat(field.getValue()).containsExactly("eu-west");
    }
}
