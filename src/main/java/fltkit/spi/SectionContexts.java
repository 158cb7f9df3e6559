package fltkit.spi;

/** Role {@link Capability#SECTIONS}: sections for data scan, which carry section contexts (Windows 8 and later). */
public interface SectionContexts {
    /** FltCloseSectionForDataScan(SectionContext): STATUS_SUCCESS, or a failure when the section is not open. */
    NtStatus closeSectionForDataScan(long sectionContext);
}
