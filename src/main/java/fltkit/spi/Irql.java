package fltkit.spi;

/** The interrupt request levels the context routines' rules mention. */
public enum Irql {
    PASSIVE_LEVEL(0), APC_LEVEL(1), DISPATCH_LEVEL(2);

    private final int level;

    Irql(int level) {
        this.level = level;
    }

    public int level() {
        return level;
    }
}
