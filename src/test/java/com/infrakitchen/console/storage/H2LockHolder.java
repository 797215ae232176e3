package com.infrakitchen.console.storage;

import java.sql.Connection;
import java.sql.DriverManager;

/** Child process of {@link H2FileInUseIT}: opens an H2 file database and holds it until stdin closes. */
public final class H2LockHolder {

    private H2LockHolder() {
    }

    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection(args[0], "sa", "")) {
            c.createStatement().execute("SELECT 1");
            System.out.println("READY");
            System.out.flush();
            while (System.in.read() != -1) {
                // wait for the parent to close our stdin
            }
        }
    }
}
