# Rules of the context reference count, from the Remarks of the FltAllocateContext page and the other
# Filter Manager reference and conceptual pages on Microsoft Learn. Conventions: see README.
Feature: Context reference counting

  @must @windows:all
  Rule: REF-001 FltReferenceContext adds one reference
    Source: "FltAllocateContext function (fltkernel.h)", Remarks (call FltReferenceContext to increment the reference count) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltallocatecontext

    @needs:context-inspection
    Scenario Outline: REF-001 referencing a new <type> takes its count from 1 to 2
      Given the minifilter registers a <type> definition of 32 bytes
      When the minifilter allocates a <type> of 32 bytes from NonPagedPool as "A"
      And the minifilter references "A"
      Then "A" has a reference count of 2

      Examples:
        | type                     |
        | FLT_VOLUME_CONTEXT       |
        | FLT_INSTANCE_CONTEXT     |
        | FLT_STREAMHANDLE_CONTEXT |

  @must @windows:all
  Rule: REF-002 FltReleaseContext removes one reference, and the context lives on while references remain
    Source: "FltAllocateContext function (fltkernel.h)", Remarks (call FltReleaseContext to decrement the reference count) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltallocatecontext

    @needs:context-inspection
    Scenario: REF-002 releasing one of two references leaves the context alive with a count of 1
      Given the minifilter registers a FLT_STREAM_CONTEXT definition of 48 bytes
      When the minifilter allocates a FLT_STREAM_CONTEXT of 48 bytes from PagedPool as "A"
      And the minifilter references "A"
      And the minifilter releases "A"
      Then "A" has a reference count of 1

  @must @windows:all
  Rule: REF-003 When the reference count reaches zero the context is freed automatically
    Source: "FltAllocateContext function (fltkernel.h)", Remarks ("freed automatically when its reference count reaches zero") — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltallocatecontext

    @needs:context-inspection
    Scenario Outline: REF-003 releasing the only reference of a <type> frees it
      Given the minifilter registers a <type> definition of 32 bytes
      When the minifilter allocates a <type> of 32 bytes from NonPagedPool as "A"
      And the minifilter releases "A"
      Then "A" is freed

      Examples:
        | type                     |
        | FLT_VOLUME_CONTEXT       |
        | FLT_INSTANCE_CONTEXT     |
        | FLT_FILE_CONTEXT         |
        | FLT_STREAM_CONTEXT       |
        | FLT_STREAMHANDLE_CONTEXT |
        | FLT_TRANSACTION_CONTEXT  |

    @needs:context-inspection
    Scenario: REF-003 a context referenced three times is freed by the third release, not before
      Given the minifilter registers a variable-size FLT_INSTANCE_CONTEXT definition
      When the minifilter allocates a FLT_INSTANCE_CONTEXT of 100 bytes from PagedPool as "A"
      And the minifilter references "A"
      And the minifilter references "A"
      And the minifilter releases "A"
      And the minifilter releases "A"
      Then "A" is still alive
      When the minifilter releases "A"
      Then "A" is freed

  @must @windows:all
  Rule: REF-004 A successful get routine adds a reference the caller must release
    Source: "Getting Contexts" (a successful get increments the reference count) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ifs/getting-contexts; "FltGetStreamContext function (fltkernel.h)", Remarks (every successful get must be matched by a FltReleaseContext) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltgetstreamcontext

    @needs:context-inspection @needs:objects
    Scenario Outline: REF-004 getting the <type> set on an object adds one reference
      Given the minifilter registers a <type> definition of 32 bytes
      And the minifilter's instance is attached to a volume with a file open
      When the minifilter allocates a <type> of 32 bytes from NonPagedPool as "A"
      And "A" is set as the minifilter's <type>
      And the minifilter gets its <type>
      Then "A" has a reference count of 3
      When the minifilter releases the context handed back
      Then "A" has a reference count of 2

      Examples:
        | type                     |
        | FLT_VOLUME_CONTEXT       |
        | FLT_INSTANCE_CONTEXT     |
        | FLT_FILE_CONTEXT         |
        | FLT_STREAM_CONTEXT       |
        | FLT_STREAMHANDLE_CONTEXT |

      @needs:transactions
      Examples: transactions
        | type                    |
        | FLT_TRANSACTION_CONTEXT |

  @must @windows:all
  Rule: REF-005 A successful set routine adds a reference, which the object keeps
    Source: "Setting Contexts" (on success the set routine increments NewContext's reference count) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ifs/setting-contexts; "FltSetStreamContext function (fltkernel.h)", Remarks (a successful set increments the reference count on NewContext) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltsetstreamcontext

    @needs:context-inspection @needs:objects
    Scenario Outline: REF-005 setting a new <type> takes its count from 1 to 2, and releasing the allocation reference leaves it alive
      Given the minifilter registers a <type> definition of 32 bytes
      And the minifilter's instance is attached to a volume with a file open
      When the minifilter allocates a <type> of 32 bytes from NonPagedPool as "A"
      And the minifilter sets "A" as its <type> with FLT_SET_CONTEXT_KEEP_IF_EXISTS
      Then the set routine returns STATUS_SUCCESS
      And "A" has a reference count of 2
      When the minifilter releases "A"
      Then "A" has a reference count of 1

      Examples:
        | type                     |
        | FLT_VOLUME_CONTEXT       |
        | FLT_INSTANCE_CONTEXT     |
        | FLT_FILE_CONTEXT         |
        | FLT_STREAM_CONTEXT       |
        | FLT_STREAMHANDLE_CONTEXT |

      @needs:transactions
      Examples: transactions
        | type                    |
        | FLT_TRANSACTION_CONTEXT |

  @must @windows:all
  Rule: REF-006 FltGetContexts references every context it returns, and FltReleaseContexts releases them all
    Source: "FltGetContexts function (fltkernel.h)", Remarks (each returned context is referenced) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltgetcontexts; "FltReleaseContexts function (fltkernel.h)", Remarks (releases every context in the structure) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltreleasecontexts

    @needs:context-inspection @needs:objects
    Scenario: REF-006 three contexts come back referenced and go back to their counts after FltReleaseContexts
      Given the minifilter registers these context definitions:
        | type                     | size |
        | FLT_INSTANCE_CONTEXT     | 16   |
        | FLT_STREAM_CONTEXT       | 16   |
        | FLT_STREAMHANDLE_CONTEXT | 16   |
      And the minifilter's instance is attached to a volume with a file open
      When the minifilter allocates a FLT_INSTANCE_CONTEXT of 16 bytes from PagedPool as "I"
      And the minifilter allocates a FLT_STREAM_CONTEXT of 16 bytes from PagedPool as "S"
      And the minifilter allocates a FLT_STREAMHANDLE_CONTEXT of 16 bytes from PagedPool as "H"
      And "I" is set as the minifilter's FLT_INSTANCE_CONTEXT
      And "S" is set as the minifilter's FLT_STREAM_CONTEXT
      And "H" is set as the minifilter's FLT_STREAMHANDLE_CONTEXT
      And the minifilter calls FltGetContexts for "FLT_INSTANCE_CONTEXT|FLT_STREAM_CONTEXT|FLT_STREAMHANDLE_CONTEXT"
      Then FltGetContexts hands back "I" as the FLT_INSTANCE_CONTEXT
      And FltGetContexts hands back "S" as the FLT_STREAM_CONTEXT
      And FltGetContexts hands back "H" as the FLT_STREAMHANDLE_CONTEXT
      And "I" has a reference count of 3
      And "S" has a reference count of 3
      And "H" has a reference count of 3
      When the minifilter calls FltReleaseContexts
      Then "I" has a reference count of 2
      And "S" has a reference count of 2
      And "H" has a reference count of 2

  @must @windows:all
  Rule: REF-007 FltGetContexts leaves NULL_CONTEXT in every field not requested or not found
    Source: "FltGetContexts function (fltkernel.h)", Parameters > Contexts (fields not requested, or requested and not found, are set to zero) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltgetcontexts

    @needs:objects
    Scenario: REF-007 a requested type with nothing set and a type not requested both come back NULL
      Given the minifilter registers these context definitions:
        | type                 | size |
        | FLT_INSTANCE_CONTEXT | 16   |
        | FLT_STREAM_CONTEXT   | 16   |
      And the minifilter's instance is attached to a volume with a file open
      When the minifilter allocates a FLT_INSTANCE_CONTEXT of 16 bytes from PagedPool as "I"
      And the minifilter allocates a FLT_STREAM_CONTEXT of 16 bytes from PagedPool as "S"
      And "I" is set as the minifilter's FLT_INSTANCE_CONTEXT
      And "S" is set as the minifilter's FLT_STREAM_CONTEXT
      And the minifilter calls FltGetContexts for "FLT_INSTANCE_CONTEXT|FLT_VOLUME_CONTEXT"
      Then FltGetContexts hands back "I" as the FLT_INSTANCE_CONTEXT
      And FltGetContexts hands back NULL_CONTEXT as the FLT_VOLUME_CONTEXT
      And FltGetContexts hands back NULL_CONTEXT as the FLT_STREAM_CONTEXT

  @caller-contract @windows:all
  Rule: REF-008 A minifilter must not release a context more times than it referenced it
    Source: "Bug Check 0xF5 FLTMGR_FILE_SYSTEM", FLTMGR_FILE_SYSTEM parameters (parameter 1 = 0x6D, a context released too many times) — https://learn.microsoft.com/en-us/windows-hardware/drivers/debugger/bug-check-0xf5--fltmgr-file-system
    Kit reading: Windows stops the machine; the kit only demands that an implementation reporting this does not take the harness down.

    @leaks-on-purpose
    Scenario: REF-008 releasing a freed context is survived
      Given the minifilter registers a FLT_INSTANCE_CONTEXT definition of 16 bytes
      When the minifilter allocates a FLT_INSTANCE_CONTEXT of 16 bytes from PagedPool as "A"
      And the minifilter releases "A"
      And the minifilter releases "A" once more than it holds

  @caller-contract @windows:all
  Rule: REF-009 A minifilter must not reference a context after it was freed
    Source: "Bug Check 0xF5 FLTMGR_FILE_SYSTEM", FLTMGR_FILE_SYSTEM parameters (parameter 1 = 0x6E, a context referenced after it was freed) — https://learn.microsoft.com/en-us/windows-hardware/drivers/debugger/bug-check-0xf5--fltmgr-file-system

    @leaks-on-purpose
    Scenario: REF-009 referencing a freed context is survived
      Given the minifilter registers a FLT_INSTANCE_CONTEXT definition of 16 bytes
      When the minifilter allocates a FLT_INSTANCE_CONTEXT of 16 bytes from PagedPool as "A"
      And the minifilter releases "A"
      And the minifilter references "A" after it was freed
