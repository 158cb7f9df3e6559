package fltkit.hostile;

import fltkit.reference.ReferenceProvider;
import fltkit.spi.Allocation;
import fltkit.spi.ContextRegistration;
import fltkit.spi.FilterManager;
import fltkit.spi.Registration;
import fltkit.spi.WindowsVersion;

import java.util.List;

/** The reference model's five core routines and no role: scenarios that need one are skipped as not declared. */
public class DeclaresNothing extends ReferenceProvider {
    @Override
    public FilterManager create(WindowsVersion version) {
        FilterManager reference = super.create(version);
        return new FilterManager() {
            @Override public Registration registerFilter(List<ContextRegistration> entries, boolean terminated) { return reference.registerFilter(entries, terminated); }
            @Override public Allocation allocateContext(long filter, int type, long size, int pool) { return reference.allocateContext(filter, type, size, pool); }
            @Override public void referenceContext(long context) { reference.referenceContext(context); }
            @Override public void releaseContext(long context) { reference.releaseContext(context); }
            @Override public void deleteContext(long context) { reference.deleteContext(context); }
        };
    }
}
