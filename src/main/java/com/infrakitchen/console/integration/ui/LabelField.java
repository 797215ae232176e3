package com.infrakitchen.console.integration.ui;

import com.infrakitchen.console.integration.IntegrationRules;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import com.vaadin.flow.data.provider.ListDataProvider;

/**
 * {@code Labels}: chips. Type and press Enter to add; suggestions come from labels already in use; each
 * chip can be removed. Input is trimmed and lower-cased; an invalid label or one too many is refused with
 * a message and not added (product.md section 4).
 */
class LabelField extends MultiSelectComboBox<String> {

    private final List<String> known = new ArrayList<>();
    private final ListDataProvider<String> suggestions = new ListDataProvider<>(known);

    LabelField(String label, Collection<String> labelsInUse) {
        super(label);
        remember(labelsInUse);
        setItems(suggestions);
        setAllowCustomValue(true);
        setAutoExpand(AutoExpandMode.VERTICAL);
        setSelectedItemsOnTop(true);
        setHelperText("Type a label and press Enter. " + capitalise(IntegrationRules.LABEL_RULE) + "; at most "
                + IntegrationRules.LABELS_MAX + ".");
        setPlaceholder("e.g. prod, team-payments");
        addCustomValueSetListener(e -> add(e.getDetail()));
        addValueChangeListener(e -> {
            if (e.isFromClient()) {
                setInvalid(false);
            }
        });
    }

    /** Adds a typed label, or shows why it cannot be added. Returns the problem, if any. */
    Optional<String> add(String typed) {
        String label = IntegrationRules.normaliseLabel(typed);
        Optional<String> problem = IntegrationRules.labelProblem(label);
        if (problem.isEmpty() && !getValue().contains(label) && getValue().size() >= IntegrationRules.LABELS_MAX) {
            problem = Optional.of("At most " + IntegrationRules.LABELS_MAX + " labels");
        }
        if (problem.isPresent()) {
            setErrorMessage(problem.get());
            setInvalid(true);
            return problem;
        }
        remember(List.of(label));
        Set<String> selected = new LinkedHashSet<>(getValue());
        selected.add(label);
        setValue(selected);
        setInvalid(false);
        return Optional.empty();
    }

    List<String> labels() {
        return List.copyOf(new TreeSet<>(getValue()));
    }

    /** Adds labels to the suggestions without resetting the selection (item keys stay stable). */
    private void remember(Collection<String> labels) {
        boolean changed = false;
        for (String label : labels) {
            if (!known.contains(label)) {
                known.add(label);
                changed = true;
            }
        }
        if (changed) {
            known.sort(null);
            suggestions.refreshAll();
        }
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
