package fltkit.rules;

/**
 * The kit's own checks beyond the documents. Each has its own result, reported against its own ID and never
 * as a failure of the documented rule whose scenario it ran after.
 */
public enum KitCheck {
    LEAK("KIT-LEAK-001", "Once the minifilter gives back everything it holds, nothing it held stays alive or outstanding",
            "Run after every scenario (except caller-contract scenarios that keep references on purpose): the kit releases "
                    + "every reference its minifilter still holds, frees its callback data, tears down the objects and the "
                    + "filter it created, and then demands that every context it ever held is freed and cleaned up at most "
                    + "once and, with pool accounting, that no context or pool block stays outstanding. The documents say "
                    + "a context is freed when its last reference goes; a breach shows where one was lost.");

    /** Media type of the scenario attachment that carries a breach as JSON ({@code check}, {@code rule}, {@code message}). */
    public static final String MEDIA_TYPE = "application/vnd.fltkit.kit-check+json";

    private final String id;
    private final String title;
    private final String description;

    KitCheck(String id, String title, String description) {
        this.id = id;
        this.title = title;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public static KitCheck byId(String id) {
        for (KitCheck check : values()) {
            if (check.id.equals(id)) {
                return check;
            }
        }
        throw new IllegalArgumentException("unknown kit check '" + id + "'");
    }
}
