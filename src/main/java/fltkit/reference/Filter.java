package fltkit.reference;

/** A registered minifilter. */
final class Filter {
    final long handle;
    final RegistrationTable registrations;
    boolean tearingDown;
    boolean unloaded;

    Filter(long handle, RegistrationTable registrations) {
        this.handle = handle;
        this.registrations = registrations;
    }
}
