package fltkit.rules;

/**
 * The kit made a mistake of its own: a scenario that misuses the kit's steps (checks an answer before the
 * call, names a context it never allocated, uses a capability it is not tagged for). Neither the
 * implementation's failure nor its breakage; it fails the kit's own build and says which scenario to fix.
 */
public class KitError extends RuntimeException {
    public KitError(String message) {
        super(message);
    }
}
