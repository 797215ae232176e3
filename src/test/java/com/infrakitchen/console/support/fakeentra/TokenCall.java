package com.infrakitchen.console.support.fakeentra;

import java.util.List;
import java.util.Map;

/**
 * One request the fake Entra received, with its answer. {@link #toString()} shows the form field <em>names</em>
 * only, never a value: {@code client_secret} and {@code client_assertion} are credentials. A test that must look at
 * a value asks {@link #field} for it.
 */
public final class TokenCall {

    private final String method;
    private final String path;
    private final String tenant;
    private final List<String> fieldNames;
    private final Map<String, String> fields;
    private final int status;
    private final String error;
    private final int errorCode;

    TokenCall(String method, String path, String tenant, List<String> fieldNames, Map<String, String> fields,
            int status, String error, int errorCode) {
        this.method = method;
        this.path = path;
        this.tenant = tenant;
        this.fieldNames = List.copyOf(fieldNames);
        this.fields = Map.copyOf(fields);
        this.status = status;
        this.error = error;
        this.errorCode = errorCode;
    }

    public String method() {
        return method;
    }

    /** The request path as sent, e.g. {@code /11111111-…/oauth2/v2.0/token}. */
    public String path() {
        return path;
    }

    /** The tenant segment of the path as sent (GUID or domain); null off the token route. */
    public String tenant() {
        return tenant;
    }

    /** Names of the form fields in the order sent (a repeated name once). */
    public List<String> fieldNames() {
        return fieldNames;
    }

    /** The value of one form field (the first, when repeated); null when absent. Keep it out of messages. */
    public String field(String name) {
        return fields.get(name);
    }

    public String grantType() {
        return fields.get("grant_type");
    }

    public String clientId() {
        return fields.get("client_id");
    }

    public int status() {
        return status;
    }

    /** The OAuth {@code error} of the answer; null on success. */
    public String error() {
        return error;
    }

    /** The AADSTS number of the answer; 0 on success. */
    public int errorCode() {
        return errorCode;
    }

    @Override
    public String toString() {
        return method + " " + path + " " + fieldNames + " -> " + status
                + (errorCode == 0 ? "" : " " + error + " AADSTS" + errorCode);
    }
}
