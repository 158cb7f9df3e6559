package fltkit.spi;

/** Who the implementation under test is, as the reports show it. */
public record ImplementationInfo(String name, String version, String vendor, String language) {
}
