// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.registry.store;

import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Runs work in one database transaction on the registry's database: all of it is committed, or none. */
public class RegistryTransactions {

    private final TransactionTemplate template;

    public RegistryTransactions(DataSource dataSource) {
        // READ COMMITTED is set once on the pool (RegistryDatabase), not per transaction: one round trip less
        this.template = new TransactionTemplate(new JdbcTransactionManager(dataSource));
    }

    public <T> T inTransaction(Supplier<T> work) {
        return template.execute(status -> work.get());
    }
}
