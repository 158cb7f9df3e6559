package fltkit.spi;

/** POOL_TYPE values the context API talks about. Kept as raw ints in calls so invalid values can be passed. */
public final class PoolType {
    public static final int NON_PAGED_POOL = 0;
    public static final int PAGED_POOL = 1;
    /** Windows 8 and later. */
    public static final int NON_PAGED_POOL_NX = 512;

    private PoolType() {
    }

    public static String name(int poolType) {
        switch (poolType) {
            case NON_PAGED_POOL: return "NonPagedPool";
            case PAGED_POOL: return "PagedPool";
            case NON_PAGED_POOL_NX: return "NonPagedPoolNx";
            default: return "POOL_TYPE(" + poolType + ")";
        }
    }

    public static boolean isPaged(int poolType) {
        return poolType == PAGED_POOL;
    }

    /** Accepts NonPagedPool, PagedPool, NonPagedPoolNx or a number. */
    public static int parse(String text) {
        String wanted = text.trim();
        if (wanted.equalsIgnoreCase("NonPagedPool")) {
            return NON_PAGED_POOL;
        }
        if (wanted.equalsIgnoreCase("PagedPool")) {
            return PAGED_POOL;
        }
        if (wanted.equalsIgnoreCase("NonPagedPoolNx")) {
            return NON_PAGED_POOL_NX;
        }
        try {
            return Integer.decode(wanted);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("unknown pool type '" + text
                    + "'; expected NonPagedPool, PagedPool, NonPagedPoolNx or a number");
        }
    }
}
