package fltkit.spi;

/** FLT_SET_CONTEXT_OPERATION. Raw values are passed so an invalid one can be tested. */
public final class SetOperation {
    public static final int REPLACE_IF_EXISTS = 0;
    public static final int KEEP_IF_EXISTS = 1;

    private SetOperation() {
    }

    public static int parse(String text) {
        String wanted = text.trim();
        if (wanted.equalsIgnoreCase("FLT_SET_CONTEXT_REPLACE_IF_EXISTS")) {
            return REPLACE_IF_EXISTS;
        }
        if (wanted.equalsIgnoreCase("FLT_SET_CONTEXT_KEEP_IF_EXISTS")) {
            return KEEP_IF_EXISTS;
        }
        try {
            return Integer.decode(wanted);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("unknown set operation '" + text
                    + "'; expected FLT_SET_CONTEXT_REPLACE_IF_EXISTS, FLT_SET_CONTEXT_KEEP_IF_EXISTS or a number");
        }
    }
}
