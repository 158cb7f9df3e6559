# Rules of section contexts, which the FltAllocateContext page sets with FltCreateSectionForDataScan,
# gets with FltGetSectionContext and deletes with FltCloseSectionForDataScan (all Windows 8 and later),
# with the behaviour from those routines' reference pages on Microsoft Learn. Conventions: see README.
Feature: Section contexts

  @must @windows:win8+
  Rule: SEC-001 FltCreateSectionForDataScan attaches the section context to the stream, with a reference, where FltGetSectionContext finds it
    Source: "FltAllocateContext function (fltkernel.h)", Remarks (FLT_SECTION_CONTEXT: FltCreateSectionForDataScan, FltGetSectionContext, from Windows 8) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltallocatecontext; "FltCreateSectionForDataScan function (fltkernel.h)", Parameters > SectionContext and Remarks (the section context is allocated with FltAllocateContext first) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltcreatesectionfordatascan

    @needs:sections @needs:context-inspection
    Scenario: SEC-001 a created section's context comes back from FltGetSectionContext
      Given the minifilter registers a FLT_SECTION_CONTEXT definition of 32 bytes
      And the minifilter's instance is attached to a volume with a file open
      When the minifilter allocates a FLT_SECTION_CONTEXT of 32 bytes from PagedPool as "A"
      And the minifilter creates a section for data scan with "A"
      Then FltCreateSectionForDataScan returns STATUS_SUCCESS
      And "A" has a reference count of 2
      And the minifilter's FLT_SECTION_CONTEXT is "A"

    # The section belongs to the stream: another file object of the same stream finds it.
    @needs:sections @needs:context-inspection
    Scenario: SEC-001 a section created through one file object is found through another file object of the stream
      Given the minifilter registers a FLT_SECTION_CONTEXT definition of 32 bytes
      And the minifilter's instance is attached to a volume with a file open
      And the file is opened a second time
      When the minifilter allocates a FLT_SECTION_CONTEXT of 32 bytes from PagedPool as "A"
      And the minifilter creates a section for data scan with "A"
      And the minifilter's file object is closed
      Then "A" has a reference count of 2
      And the minifilter's FLT_SECTION_CONTEXT is "A"

  @must @windows:win8+
  Rule: SEC-002 Only one section per stream per instance: a second FltCreateSectionForDataScan fails with STATUS_FLT_CONTEXT_ALREADY_DEFINED
    Source: "FltCreateSectionForDataScan function (fltkernel.h)", Return value (STATUS_FLT_CONTEXT_ALREADY_DEFINED) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltcreatesectionfordatascan

    @needs:sections
    Scenario: SEC-002 a second section context for the same stream is refused
      Given the minifilter registers a FLT_SECTION_CONTEXT definition of 32 bytes
      And the minifilter's instance is attached to a volume with a file open
      When the minifilter allocates a FLT_SECTION_CONTEXT of 32 bytes from PagedPool as "A"
      And the minifilter allocates a FLT_SECTION_CONTEXT of 32 bytes from PagedPool as "B"
      And the minifilter creates a section for data scan with "A"
      And the minifilter creates a section for data scan with "B"
      Then FltCreateSectionForDataScan returns STATUS_FLT_CONTEXT_ALREADY_DEFINED
      And the minifilter's FLT_SECTION_CONTEXT is "A"

    @needs:sections @needs:context-inspection
    Scenario: SEC-002 a second section for the stream is refused through another file object of it too
      Given the minifilter registers a FLT_SECTION_CONTEXT definition of 32 bytes
      And the minifilter's instance is attached to a volume with a file open
      And the file is opened a second time
      When the minifilter allocates a FLT_SECTION_CONTEXT of 32 bytes from PagedPool as "A"
      And the minifilter allocates a FLT_SECTION_CONTEXT of 32 bytes from PagedPool as "B"
      And the minifilter creates a section for data scan with "A"
      And the minifilter's file object is closed
      And the minifilter creates a section for data scan with "B"
      Then FltCreateSectionForDataScan returns STATUS_FLT_CONTEXT_ALREADY_DEFINED
      And "B" has a reference count of 1

  @must @windows:win8+
  Rule: SEC-003 FltCloseSectionForDataScan removes the section context from the stream and drops the reference the create took
    Source: "FltAllocateContext function (fltkernel.h)", Remarks (FltCloseSectionForDataScan deletes section contexts) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltallocatecontext; "FltCloseSectionForDataScan function (fltkernel.h)", Remarks (deallocates the section context and removes it from the stream) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltclosesectionfordatascan

    @needs:sections @needs:context-inspection
    Scenario: SEC-003 a closed section's context is gone from the stream and freed with the minifilter's release
      Given the minifilter registers a FLT_SECTION_CONTEXT definition of 32 bytes
      And the minifilter's instance is attached to a volume with a file open
      When the minifilter allocates a FLT_SECTION_CONTEXT of 32 bytes from PagedPool as "A"
      And the minifilter creates a section for data scan with "A"
      And the minifilter closes the section of "A"
      Then FltCloseSectionForDataScan returns STATUS_SUCCESS
      And the minifilter has no FLT_SECTION_CONTEXT
      And "A" has a reference count of 1
      When the minifilter releases "A"
      Then "A" is freed

    @needs:sections @needs:context-inspection
    Scenario: SEC-003 the typed delete of a section context closes the stream's section
      Given the minifilter registers a FLT_SECTION_CONTEXT definition of 32 bytes
      And the minifilter's instance is attached to a volume with a file open
      When the minifilter allocates a FLT_SECTION_CONTEXT of 32 bytes from PagedPool as "A"
      And the minifilter creates a section for data scan with "A"
      And the minifilter deletes its FLT_SECTION_CONTEXT
      Then the delete routine returns STATUS_SUCCESS
      And the minifilter has no FLT_SECTION_CONTEXT
      And "A" has a reference count of 1

  @must @windows:win8+
  Rule: SEC-004 FltCloseSectionForDataScan on a section context never given to FltCreateSectionForDataScan fails with STATUS_INVALID_PARAMETER
    Source: "FltCloseSectionForDataScan function (fltkernel.h)", Return value (STATUS_INVALID_PARAMETER) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltclosesectionfordatascan

    @needs:sections @needs:context-inspection
    Scenario: SEC-004 closing an allocated but never created section context is refused and leaves it untouched
      Given the minifilter registers a FLT_SECTION_CONTEXT definition of 32 bytes
      And the minifilter's instance is attached to a volume with a file open
      When the minifilter allocates a FLT_SECTION_CONTEXT of 32 bytes from PagedPool as "A"
      And the minifilter closes the section of "A"
      Then FltCloseSectionForDataScan returns STATUS_INVALID_PARAMETER
      And "A" has a reference count of 1

  @must @windows:win8+
  Rule: SEC-005 FltCloseSectionForDataScan on a section already closed fails with STATUS_NOT_FOUND
    Source: "FltCloseSectionForDataScan function (fltkernel.h)", Return value (STATUS_NOT_FOUND) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltclosesectionfordatascan

    @needs:sections
    Scenario: SEC-005 closing the same section twice gives STATUS_NOT_FOUND the second time
      Given the minifilter registers a FLT_SECTION_CONTEXT definition of 32 bytes
      And the minifilter's instance is attached to a volume with a file open
      When the minifilter allocates a FLT_SECTION_CONTEXT of 32 bytes from PagedPool as "A"
      And the minifilter creates a section for data scan with "A"
      And the minifilter closes the section of "A"
      And the minifilter closes the section of "A"
      Then FltCloseSectionForDataScan returns STATUS_NOT_FOUND

  @must @windows:win8+
  Rule: SEC-006 FltGetSectionContext on a stream without a section returns STATUS_NOT_FOUND
    Source: "FltGetSectionContext function (fltkernel.h)", Return value (STATUS_NOT_FOUND) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltgetsectioncontext

    @needs:sections
    Scenario: SEC-006 no section created means no section context
      Given the minifilter registers a FLT_SECTION_CONTEXT definition of 32 bytes
      And the minifilter's instance is attached to a volume with a file open
      When the minifilter gets its FLT_SECTION_CONTEXT
      Then the get routine returns STATUS_NOT_FOUND
      And the routine hands back NULL_CONTEXT

  @must @windows:win8+
  Rule: SEC-007 The last close of the stream deletes its section contexts
    Source: "Deleting Contexts" (contexts are deleted when their object goes away) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ifs/deleting-contexts; "FltCreateSectionForDataScan function (fltkernel.h)", Parameters > FileObject (the section, and its context, belong to the open file's stream) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltcreatesectionfordatascan

    @needs:sections @needs:context-inspection
    Scenario: SEC-007 closing the file drops the section's reference
      Given the minifilter registers a FLT_SECTION_CONTEXT definition of 32 bytes
      And the minifilter's instance is attached to a volume with a file open
      When the minifilter allocates a FLT_SECTION_CONTEXT of 32 bytes from PagedPool as "A"
      And the minifilter creates a section for data scan with "A"
      And the minifilter's file object is closed
      Then "A" has a reference count of 1

  @caller-contract @windows:win8+
  Rule: SEC-008 FltDeleteContext must not be used on a section context
    Source: "FltDeleteContext function (fltkernel.h)", Remarks (a section context must not be deleted with FltDeleteContext) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltdeletecontext; "FltCreateSectionForDataScan function (fltkernel.h)", Remarks (Important: use FltCloseSectionForDataScan) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltcreatesectionfordatascan

    @needs:sections @leaks-on-purpose
    Scenario: SEC-008 FltDeleteContext on a created section context is survived
      Given the minifilter registers a FLT_SECTION_CONTEXT definition of 32 bytes
      And the minifilter's instance is attached to a volume with a file open
      When the minifilter allocates a FLT_SECTION_CONTEXT of 32 bytes from PagedPool as "A"
      And the minifilter creates a section for data scan with "A"
      And the minifilter calls FltDeleteContext on "A", breaking its contract

  @must @windows:win8+
  Rule: SEC-009 FltReferenceContext and FltReleaseContext count a section context like any other, and its last release frees it
    Source: "FltReferenceContext function (fltkernel.h)", Remarks (increments the reference count of any context) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltreferencecontext; "FltReleaseContext function (fltkernel.h)", Remarks (decrements the count; at zero the context is freed) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltreleasecontext; "FltCloseSectionForDataScan function (fltkernel.h)", Remarks (an allocated section context with no section is released with FltReleaseContext) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltclosesectionfordatascan
    Kit reading: REF-001 to REF-003 hold for every context type; section contexts exist only from Windows 8, so the kit checks them here, in their own Windows range.

    @needs:context-inspection
    Scenario: SEC-009 a section context referenced once is freed by its second release, not its first
      Given the minifilter registers a FLT_SECTION_CONTEXT definition of 32 bytes
      When the minifilter allocates a FLT_SECTION_CONTEXT of 32 bytes from PagedPool as "A"
      And the minifilter references "A"
      Then "A" has a reference count of 2
      When the minifilter releases "A"
      Then "A" has a reference count of 1
      When the minifilter releases "A"
      Then "A" is freed

    @needs:sections @needs:context-inspection
    Scenario: SEC-009 a reference on a created section's context keeps it alive after the section is closed
      Given the minifilter registers a FLT_SECTION_CONTEXT definition of 32 bytes
      And the minifilter's instance is attached to a volume with a file open
      When the minifilter allocates a FLT_SECTION_CONTEXT of 32 bytes from PagedPool as "A"
      And the minifilter creates a section for data scan with "A"
      And the minifilter references "A"
      And the minifilter closes the section of "A"
      And the minifilter releases "A"
      Then "A" has a reference count of 1
      When the minifilter releases "A"
      Then "A" is freed

  @must @windows:win8+
  Rule: SEC-010 FltGetContextsEx hands back the stream's section context, referenced, when FLT_SECTION_CONTEXT is asked for
    Source: "FltGetContextsEx function (fltkernel.h)", Parameters > DesiredContexts and Contexts (FLT_SECTION_CONTEXT may be asked for; only types not asked for or not found are zeroed) and Remarks (each returned context is referenced) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltgetcontextsex; "FLT_RELATED_CONTEXTS_EX structure (fltkernel.h)", Members > SectionContext — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/ns-fltkernel-_flt_related_contexts_ex
    Ambiguity: FltGetContexts lists FLT_SECTION_CONTEXT among its DesiredContexts too, but its FLT_RELATED_CONTEXTS has no field for it.
    Kit reading: from Windows 8 the kit's getContexts is FltGetContextsEx, whose FLT_RELATED_CONTEXTS_EX has a SectionContext member; a section context asked for and found comes back there like every other context.

    @needs:sections @needs:context-inspection
    Scenario: SEC-010 the section context comes back beside the stream context, and FltReleaseContexts gives its reference back
      Given the minifilter registers these context definitions:
        | type                | size |
        | FLT_STREAM_CONTEXT  | 32   |
        | FLT_SECTION_CONTEXT | 32   |
      And the minifilter's instance is attached to a volume with a file open
      When the minifilter allocates a FLT_SECTION_CONTEXT of 32 bytes from PagedPool as "A"
      And the minifilter allocates a FLT_STREAM_CONTEXT of 32 bytes from PagedPool as "S"
      And the minifilter creates a section for data scan with "A"
      And "S" is set as the minifilter's FLT_STREAM_CONTEXT
      And the minifilter calls FltGetContexts for "FLT_STREAM_CONTEXT|FLT_SECTION_CONTEXT"
      Then FltGetContexts hands back "A" as the FLT_SECTION_CONTEXT
      And FltGetContexts hands back "S" as the FLT_STREAM_CONTEXT
      And "A" has a reference count of 3
      When the minifilter calls FltReleaseContexts
      Then "A" has a reference count of 2

    @needs:sections
    Scenario: SEC-010 a section context not asked for stays NULL_CONTEXT
      Given the minifilter registers these context definitions:
        | type                | size |
        | FLT_STREAM_CONTEXT  | 32   |
        | FLT_SECTION_CONTEXT | 32   |
      And the minifilter's instance is attached to a volume with a file open
      When the minifilter allocates a FLT_SECTION_CONTEXT of 32 bytes from PagedPool as "A"
      And the minifilter creates a section for data scan with "A"
      And the minifilter calls FltGetContexts for "FLT_STREAM_CONTEXT"
      Then FltGetContexts hands back NULL_CONTEXT as the FLT_SECTION_CONTEXT
