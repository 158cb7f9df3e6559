package fltkit.selftest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares what a broken implementation breaks: the self-test runs it in {@link #profile()} and demands
 * that every scenario of {@link #rules()} that passes against the reference now fails, with a message
 * containing each of {@link #messageContains()}, while every other scenario ends as it does against the
 * reference.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Breaks {
    /** The rule IDs whose scenarios must fail. The first is the rule the implementation was written to break. */
    String[] rules();

    /** The profile to run in. */
    String profile() default "win11";

    /** Text every failure message must contain (beyond the rule ID, which is always required). */
    String[] messageContains() default {};

    /**
     * True when the broken behaviour is one every rule that observes reference counts sees (a wrong initial
     * count leaks every context, which KIT-LEAK-001 reports after each scenario): other rules' scenarios may
     * then fail too, but still never break or skip.
     */
    boolean othersMayFail() default false;
}
