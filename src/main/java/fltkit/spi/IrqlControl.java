package fltkit.spi;

/** Role {@link Capability#IRQL}: the IRQL the minifilter calls at, and the work items deferred from DISPATCH_LEVEL. */
public interface IrqlControl {
    /** The IRQL the following calls are made at. */
    void setCallerIrql(Irql irql);

    /** Runs, at PASSIVE_LEVEL, the work items queued by calls made at DISPATCH_LEVEL (such as a release to zero). */
    void runDeferredWork();
}
