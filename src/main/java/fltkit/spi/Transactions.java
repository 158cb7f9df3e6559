package fltkit.spi;

/** Role {@link Capability#TRANSACTIONS}: KTM transactions, so transaction contexts can be set, got and deleted. */
public interface Transactions {
    /** A new transaction. */
    long beginTransaction();

    /** Commits or rolls back; the transaction's contexts are deleted. */
    void endTransaction(long transaction, boolean commit);
}
