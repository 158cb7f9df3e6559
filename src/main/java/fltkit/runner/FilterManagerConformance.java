package fltkit.runner;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class whose selection runs the conformance kit on the JUnit Platform (the kit's {@code fltkit}
 * engine): Surefire selecting it (or a subclass, the annotation is inherited) runs every canonical feature in
 * the profiles the settings name and writes the reports. Settings may sit on the class as
 * {@code @org.junit.platform.suite.api.ConfigurationParameter(key = "fltkit.profile", value = "all")}.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface FilterManagerConformance {
}
