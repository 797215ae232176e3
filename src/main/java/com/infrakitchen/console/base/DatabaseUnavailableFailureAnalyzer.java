package com.infrakitchen.console.base;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * Turns the start-up failures an operator causes with the database settings into Spring Boot's "Description /
 * Action" report: the server cannot be reached, it refuses the user's password, the database does not exist. The
 * description quotes the driver's message (PostgreSQL's name the host, port, user and database, never the
 * password); it never prints the JDBC URL, which may carry credentials. Registered in
 * {@code META-INF/spring.factories}; the H2 file in use has its own ({@link H2FileInUseFailureAnalyzer}).
 */
public class DatabaseUnavailableFailureAnalyzer implements FailureAnalyzer {

    /** PostgreSQL's SQLSTATE codes (Appendix A of its manual). */
    static final String INVALID_PASSWORD = "28P01";
    static final String INVALID_AUTHORIZATION = "28000";
    static final String INVALID_CATALOG = "3D000";
    static final String CONNECTION_CLASS = "08";

    @Override
    public @Nullable FailureAnalysis analyze(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                FailureAnalysis analysis = analyze(sql, failure);
                if (analysis != null) {
                    return analysis;
                }
            }
        }
        return null;
    }

    private static @Nullable FailureAnalysis analyze(SQLException sql, Throwable failure) {
        String state = sql.getSQLState();
        String said = " The database said: " + sql.getMessage();
        if (INVALID_PASSWORD.equals(state) || INVALID_AUTHORIZATION.equals(state)) {
            return new FailureAnalysis("The database refused to let the console sign in (SQLSTATE " + state + ")."
                    + said, "Check DB_USER and DB_PASSWORD (spring.datasource.username / password) against the"
                    + " role on the database server, and that pg_hba.conf allows this host to sign in with a"
                    + " password.", failure);
        }
        if (INVALID_CATALOG.equals(state)) {
            return new FailureAnalysis("The database named in DB_URL does not exist on the server (SQLSTATE "
                    + state + ")." + said, "Create it (for example `createdb -O console console`) or correct the"
                    + " database name at the end of DB_URL (spring.datasource.url). The console creates its tables"
                    + " itself, but not the database.", failure);
        }
        if (state.startsWith(CONNECTION_CLASS) && unreachable(sql)) {
            return new FailureAnalysis("The database server cannot be reached (SQLSTATE " + state + ")." + said,
                    "Check that PostgreSQL is running and listening on the host and port of DB_URL"
                    + " (spring.datasource.url), that a firewall lets this host through, and that the host name"
                    + " resolves here.", failure);
        }
        return null;
    }

    private static boolean unreachable(Throwable sql) {
        for (Throwable t = sql; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof SocketTimeoutException || t instanceof NoRouteToHostException) {
                return true;
            }
        }
        return sql.getMessage() != null && sql.getMessage().contains("refused");
    }
}
