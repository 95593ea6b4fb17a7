// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.testing.database;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fresh databases for the actors of one test application context: in-memory H2 by default, new databases on the
 * shared throwaway MariaDB server with {@code -Dtest.database=mariadb} (the surefire executions {@code mariadb}).
 */
public final class ActorTestDatabases {

    private ActorTestDatabases() {
    }

    /** Whether this test JVM runs on MariaDB. */
    public static boolean onMariaDb() {
        return "mariadb".equals(System.getProperty("test.database"));
    }

    /**
     * The {@code <prefix>.database.*} properties of each actor.
     *
     * @param name     unique per context (letters, digits, underscores): names the databases.
     * @param prefixes the actors' property prefixes, e.g. {@code registry}, {@code imaging-source}.
     */
    public static Map<String, String> properties(String name, String... prefixes) {
        var values = new LinkedHashMap<String, String>();
        for (String prefix : prefixes) {
            String database = prefix.replace('-', '_') + "_" + name;
            if (onMariaDb()) {
                var server = MariaDbServer.shared();
                values.put(prefix + ".database.url", server.createDatabase(database));
                values.put(prefix + ".database.username", server.username());
                values.put(prefix + ".database.password", server.password());
            } else {
                values.put(prefix + ".database.url", "jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1;MODE=MySQL;"
                        + "DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE");
            }
        }
        return values;
    }
}
