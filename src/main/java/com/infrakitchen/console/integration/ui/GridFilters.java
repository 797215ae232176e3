package com.infrakitchen.console.integration.ui;

import com.infrakitchen.console.integration.ConnectionStatus;
import com.infrakitchen.console.integration.credential.CredentialExpiry;
import com.infrakitchen.console.integration.credential.AuthMethod;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** The grid's filter fields as they look and read: placeholders, items, labels for screen readers, element ids. */
final class GridFilters {

    private GridFilters() {
    }

    static void configure(TextField search, MultiSelectComboBox<String> labelFilter, Select<String> methodFilter,
            Select<String> statusFilter, Select<String> connectionFilter, Checkbox expiringFilter,
            List<String> labelsInUse) {
        search.setPlaceholder("Search name, description, organization");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidth("20rem");
        search.setId("integration-search");
        search.setAriaLabel("Search");
        labelFilter.setPlaceholder("Labels (all of)");
        labelFilter.setItems(labelsInUse);
        labelFilter.setId("label-filter");
        labelFilter.setAriaLabel("Labels");
        methodFilter.setItems(Stream.concat(Stream.of(""), Arrays.stream(AuthMethod.values()).map(Enum::name)).toList());
        methodFilter.setItemLabelGenerator(m -> m == null || m.isEmpty() ? "Any method" : AuthMethod.valueOf(m).label());
        methodFilter.setValue("");
        methodFilter.setAriaLabel("Method");
        statusFilter.setItems("", "enabled", "disabled");
        statusFilter.setItemLabelGenerator(s -> s == null || s.isEmpty() ? "Any status"
                : Character.toUpperCase(s.charAt(0)) + s.substring(1));
        statusFilter.setValue("");
        statusFilter.setAriaLabel("Status");
        connectionFilter.setItems(Stream.concat(Stream.of(""), Arrays.stream(ConnectionStatus.values())
                .map(ConnectionStatus::urlValue)).toList());
        connectionFilter.setItemLabelGenerator(c -> c == null || c.isEmpty() ? "Any connection"
                : ConnectionStatus.ofUrlValue(c).label());
        connectionFilter.setValue("");
        connectionFilter.setId("connection-filter");
        connectionFilter.setAriaLabel("Connection");
        expiringFilter.setLabel("Expiring soon");
        expiringFilter.setId("expiring-filter");
        expiringFilter.setTooltipText("Tokens and SSH keys that expire within " + CredentialExpiry.WARNING_DAYS
                + " days, or have expired");
    }
}
