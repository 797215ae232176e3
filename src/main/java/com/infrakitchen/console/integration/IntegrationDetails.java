package com.infrakitchen.console.integration;

import com.infrakitchen.console.integration.internal.Integration;

/** The stored aggregate as the public API shows it: every non-secret field; of the credential, what may be shown. */
final class IntegrationDetails {

    private IntegrationDetails() {
    }

    static IntegrationDetail of(Integration i) {
        IntegrationData data = new IntegrationData(i.name(), IntegrationFields.nullToEmpty(i.fields().description()),
                IntegrationFields.sortedLabels(i), i.fields().organization());
        return new IntegrationDetail(i.id(), data, i.provider(), IntegrationCredentials.facts(i.credential()),
                i.enabled(), i.changes().createdAt(), i.changes().createdBy(), i.changes().updatedAt(),
                i.changes().updatedBy(), i.version());
    }
}
