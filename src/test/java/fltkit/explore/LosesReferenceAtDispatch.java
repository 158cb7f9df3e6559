package fltkit.explore;

import fltkit.spi.Irql;
import fltkit.spi.WindowsVersion;

/**
 * FltReferenceContext called at DISPATCH_LEVEL adds nothing (as if the nonpaged fast path forgot the count).
 * Exploration found it first; REF-001 has had a fixed scenario for it since (a reference taken at DISPATCH_LEVEL).
 */
public class LosesReferenceAtDispatch extends DecoratedReference {
    private Irql irql = Irql.PASSIVE_LEVEL;

    public LosesReferenceAtDispatch(WindowsVersion version) {
        super(version);
    }

    public static class Provider extends DecoratedReference.Provider {
        public Provider() {
            super("loses references taken at DISPATCH_LEVEL", LosesReferenceAtDispatch::new);
        }
    }

    @Override
    public void setCallerIrql(Irql newIrql) {
        irql = newIrql;
        super.setCallerIrql(newIrql);
    }

    @Override
    public void referenceContext(long context) {
        if (irql != Irql.DISPATCH_LEVEL) {
            super.referenceContext(context);
        }
    }
}
