package fltkit.rules;

/** An implementation-defined value a scenario recorded: shown in the reports, never judged. */
public record Recorded(String what, String value) {
    /** Media type of the scenario attachment that carries one recorded value as JSON. */
    public static final String MEDIA_TYPE = "application/vnd.fltkit.recorded+json";
}
