package fltkit.spi;

/** Role {@link Capability#POOL_ACCOUNTING}: what the filter manager still holds, for leak checks. */
public interface PoolAccounting {
    /** Outstanding blocks and live contexts now (a lookaside list's cached free entries are not outstanding). */
    PoolSnapshot pool();
}
