package com.infrakitchen.console.integration.diagnosis;

/** When a stored check no longer describes its integration: one SQL fragment for the grid and the check store. */
public final class OutdatedCheck {

    private OutdatedCheck() {
    }

    /**
     * SQL: whether the integration {@code integration} changed a value its check {@code check} tested since (the
     * organization, the credential's set-at time, for SSH the test repository); a check shown so is outdated.
     * Reads the columns organization, token_set_at and test_repository of the check, and organization, method,
     * pat_set_at, ssh_set_at, sp_set_at and ssh_test_repository of the integration (a service
     * principal's sp_set_at moves with its tenant and application too). The grid's query and the check store use it.
     */
    public static String sql(String check, String integration) {
        String c = check + ".";
        String i = integration + ".";
        return "(LOWER(" + c + "organization) <> LOWER(" + i + "organization) OR " + c + "token_set_at IS DISTINCT"
                + " FROM (CASE WHEN " + i + "method = 'SSH' THEN " + i + "ssh_set_at WHEN " + i
                + "method = 'SERVICE_PRINCIPAL' THEN " + i + "sp_set_at ELSE " + i + "pat_set_at END)"
                + " OR (" + i + "method = 'SSH' AND " + c + "test_repository IS DISTINCT FROM " + i
                + "ssh_test_repository))";
    }

    /**
     * SQL: the grid's connection status of {@code integration} from its stored status row {@code status}
     * (integration_status): 'OUTDATED' when {@link #sql} says so, else the row's outcome; null when there is no row.
     * What IntegrationQueries.refreshDerived keeps in {@code integration.connection} (V12).
     */
    public static String connection(String status, String integration) {
        return "CASE WHEN " + sql(status, integration) + " IS TRUE THEN 'OUTDATED' ELSE " + status + ".outcome END";
    }
}
