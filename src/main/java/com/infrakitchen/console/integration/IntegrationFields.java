package com.infrakitchen.console.integration;

import com.infrakitchen.console.audit.AuditDetails;
import com.infrakitchen.console.integration.internal.Integration;
import com.infrakitchen.console.integration.internal.IntegrationColumns;
import com.infrakitchen.console.integration.internal.IntegrationLabel;
import com.infrakitchen.console.integration.provider.IntegrationProvider;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The fields every integration has (name, description, labels, organization), checked against every rule of
 * docs/product.md 4 on the server whatever the form did (the organization by its provider's rule), and normalised as
 * they are stored.
 */
record IntegrationFields(String name, String nameKey, @Nullable String description, List<String> labels,
        String organization) {

    /** The fields of {@code data}, or the first rule it breaks (with the message to show next to its field). */
    static IntegrationFields validate(@Nullable IntegrationData data, IntegrationProvider provider) {
        if (data == null) {
            throw new IntegrationRuleViolation("integration", "Nothing to save");
        }
        String name = IntegrationRules.normaliseName(data.name());
        IntegrationRules.nameProblem(name).ifPresent(p -> {
            throw new IntegrationRuleViolation("name", p);
        });
        String description = IntegrationRules.normaliseDescription(data.description());
        IntegrationRules.descriptionProblem(description).ifPresent(p -> {
            throw new IntegrationRuleViolation("description", p);
        });
        List<String> labels = IntegrationRules.normaliseLabels(data.labels());
        String organization = data.organization() == null ? "" : data.organization().strip();
        provider.organizationProblem(organization).ifPresent(p -> {
            throw new IntegrationRuleViolation("organization", p);
        });
        return new IntegrationFields(name, IntegrationRules.nameKey(name), description.isEmpty() ? null : description,
                labels, organization);
    }

    /** What the grid's search matches: name, organization and description, lower-cased. */
    String searchText() {
        String text = name + "\n" + organization + "\n" + (description == null ? "" : description);
        return text.toLowerCase(Locale.ROOT);
    }

    Set<IntegrationLabel> labelRows() {
        return labels.stream().map(IntegrationLabel::new).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** These fields as stored. */
    IntegrationColumns columns() {
        return new IntegrationColumns(name, nameKey, description, organization, searchText());
    }

    /** {@code current} with these fields. */
    Integration applyTo(Integration current) {
        return current.withFields(columns(), labelRows());
    }

    /** Field-level changes from {@code current}, for the audit record. */
    AuditDetails changesFrom(Integration current) {
        return AuditDetails.of()
                .change("name", current.name(), name)
                .change("description", nullToEmpty(current.fields().description()), nullToEmpty(description))
                .change("labels", String.join(",", sortedLabels(current)), String.join(",", labels.stream()
                        .sorted().toList()))
                .change("organization", current.fields().organization(), organization);
    }

    static List<String> sortedLabels(Integration i) {
        return i.labels().stream().map(IntegrationLabel::label).sorted().toList();
    }

    static String nullToEmpty(@Nullable String s) {
        return s == null ? "" : s;
    }
}
