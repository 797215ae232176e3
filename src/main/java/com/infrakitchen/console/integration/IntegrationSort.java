package com.infrakitchen.console.integration;

/** A sortable grid column and direction. Every sort ends with the name (then id) so pages are stable. */
public record IntegrationSort(Field field, boolean ascending) {

    public static final IntegrationSort DEFAULT = new IntegrationSort(Field.NAME, true);

    public enum Field {
        NAME,
        METHOD,
        ORGANIZATION,
        TOKEN_EXPIRY,
        UPDATED,
        STATUS
    }
}
