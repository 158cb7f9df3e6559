package fltkit.rules;

import java.util.Locale;

/**
 * The API area a rule belongs to (the top level of the report's navigation): registration,
 * allocation, callbacks, life cycle or callback data. Read from the feature's name, so a new feature
 * file lands in the right area without a list to keep.
 */
public final class ApiArea {
    private ApiArea() {
    }

    public static String of(RuleEntry rule) {
        String feature = (rule.feature() + " " + rule.uri()).toLowerCase(Locale.ROOT);
        String id = rule.id().replaceFirst("^KIT-", "");
        if (feature.contains("callbackdata") || feature.contains("callback data") || id.startsWith("CBD")) {
            return "Callback data";
        }
        if (feature.contains("regist") || id.startsWith("REG")) {
            return "Context registration";
        }
        if (feature.contains("allocatecontext") || feature.contains("allocation") || id.startsWith("ALLOC")) {
            return "Context allocation";
        }
        if (feature.contains("callback") || feature.contains("cleanup") || id.startsWith("CB")) {
            return "Context callbacks";
        }
        if (feature.contains("zero") || id.startsWith("ZERO")) {
            return "Context memory";
        }
        return "Context life cycle";
    }
}
