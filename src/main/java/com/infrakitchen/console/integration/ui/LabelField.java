package com.infrakitchen.console.integration.ui;

import com.infrakitchen.console.integration.IntegrationRules;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.data.provider.ListDataProvider;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * {@code Labels}: chips. Type and press Enter to add; suggestions come from labels already in use; each
 * chip can be removed. Input is trimmed and lower-cased; an invalid label or one too many is refused with
 * a message and not added (docs/product.md section 4): the refused text stays in the input for correction, and
 * until it is fixed or cleared, Save stops with "'…' was not added: …" ({@link #pendingProblem()}). After a
 * label is added the suggestion overlay is closed, so the next click reaches what is below it.
 */
class LabelField extends MultiSelectComboBox<String> {

    private final List<String> known = new ArrayList<>();
    private final ListDataProvider<String> suggestions = new ListDataProvider<>(known);
    /** What the user typed into the input and was not added (refused, or not yet committed with Enter). */
    private String pending = "";

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
        setManualValidation(true);
        addCustomValueSetListener(e -> {
            Optional<String> problem = add(e.getDetail());
            if (problem.isEmpty()) {
                closeOverlay(null);
            } else {
                closeOverlay(e.getDetail()); // the refused text goes back into the input, for correction
            }
        });
        // What is typed, as typed (the component itself empties its input on blur: the server remembers it).
        getElement().addEventListener("input", e -> typed(e.getEventData().get("element._inputElementValue")
                .asString())).addEventData("element._inputElementValue");
        addValueChangeListener(e -> {
            if (e.isFromClient()) {
                setInvalid(false);
                if (e.getValue().size() > e.getOldValue().size()) {
                    pending = ""; // a suggestion was picked: the component cleared the input
                }
            }
        });
    }

    /** The text now in the input (from the browser). */
    void typed(@Nullable String text) {
        pending = text == null ? "" : text.strip();
        if (pending.isEmpty() && isInvalid()) {
            setInvalid(false);
        }
    }

    /**
     * Why Save must not go ahead: text was typed into Labels that is not a chip (refused, or Enter not pressed).
     * Shown on the field; the text is put back into the input. Empty when nothing is pending.
     */
    Optional<String> pendingProblem() {
        if (pending.isEmpty()) {
            return Optional.empty();
        }
        String message = "'" + IntegrationRules.shortened(pending) + "' was not added: "
                + reason(IntegrationRules.normaliseLabel(pending)).orElse("press Enter to add it, or clear the text");
        setErrorMessage(message);
        setInvalid(true);
        closeOverlay(pending);
        return Optional.of(message);
    }

    /** Closes the suggestion overlay; then puts {@code text} into the input when given. */
    private void closeOverlay(@Nullable String text) {
        getElement().executeJs("this.opened = false;"
                + " Promise.resolve(this.updateComplete).then(() => { if ($0 !== null) { this._inputElementValue = $0; } });",
                text);
    }

    /** Adds a typed label, or shows why it cannot be added. Returns the problem, if any. */
    Optional<String> add(@Nullable String typed) {
        String label = IntegrationRules.normaliseLabel(typed);
        Optional<String> reason = reason(label);
        if (reason.isPresent()) {
            pending = typed == null ? "" : typed.strip();
            setErrorMessage("'" + IntegrationRules.shortened(pending) + "' was not added: " + reason.get());
            setInvalid(true);
            return IntegrationRules.labelProblem(label).or(() -> Optional.of("At most " + IntegrationRules.LABELS_MAX
                    + " labels"));
        }
        pending = "";
        remember(List.of(label));
        Set<String> selected = new LinkedHashSet<>(getValue());
        selected.add(label);
        setValue(selected);
        setInvalid(false);
        return Optional.empty();
    }

    /** Why this label cannot be added, said of what was typed. */
    private Optional<String> reason(String label) {
        Optional<String> problem = IntegrationRules.labelRuleBroken(label);
        if (problem.isEmpty() && !getValue().contains(label) && getValue().size() >= IntegrationRules.LABELS_MAX) {
            problem = Optional.of("at most " + IntegrationRules.LABELS_MAX + " labels");
        }
        return problem;
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
