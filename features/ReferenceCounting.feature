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
        | FLT_FILE_CONTEXT         |
        | FLT_STREAM_CONTEXT       |
        | FLT_STREAMHANDLE_CONTEXT |
        | FLT_TRANSACTION_CONTEXT  |

    # FltReferenceContext may be called up to DISPATCH_LEVEL (its Requirements); the reference counts there too.
    @needs:context-inspection @needs:irql
    Scenario Outline: REF-001 a reference taken at DISPATCH_LEVEL on a nonpaged <type> counts like any other
      Given the minifilter registers a <type> definition of 32 bytes
      When the minifilter allocates a <type> of 32 bytes from NonPagedPool as "A"
      And the minifilter references "A" at DISPATCH_LEVEL
      Then "A" has a reference count of 2
      When the minifilter releases "A"
      Then "A" has a reference count of 1

      Examples:
        | type                 |
        | FLT_INSTANCE_CONTEXT |
        | FLT_STREAM_CONTEXT   |

  @must @windows:all
  Rule: REF-002 FltReleaseContext removes one reference, and the context lives on while references remain
    Source: "FltAllocateContext function (fltkernel.h)", Remarks (call FltReleaseContext to decrement the reference count) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltallocatecontext

    @needs:context-inspection
    Scenario Outline: REF-002 releasing one of two references to a <type> leaves it alive with a count of 1
      Given the minifilter registers a <type> definition of 48 bytes
      When the minifilter allocates a <type> of 48 bytes from NonPagedPool as "A"
      And the minifilter references "A"
      And the minifilter releases "A"
      Then "A" has a reference count of 1

      Examples:
        | type                     |
        | FLT_VOLUME_CONTEXT       |
        | FLT_INSTANCE_CONTEXT     |
        | FLT_FILE_CONTEXT         |
        | FLT_STREAM_CONTEXT       |
        | FLT_STREAMHANDLE_CONTEXT |
        | FLT_TRANSACTION_CONTEXT  |

    @needs:objects @needs:context-inspection
    Scenario: REF-002 two contexts set on two instances, referenced in turn and released out of order, keep their own counts
      Given the minifilter registers a FLT_INSTANCE_CONTEXT definition of 32 bytes
      And the minifilter's instance is attached to a volume with a file open
      And the minifilter also has an instance on a second volume with a file open
      When the minifilter allocates a FLT_INSTANCE_CONTEXT of 32 bytes from PagedPool as "A"
      And the minifilter allocates a FLT_INSTANCE_CONTEXT of 32 bytes from PagedPool as "B"
      And "A" is set as the minifilter's FLT_INSTANCE_CONTEXT
      And "B" is set as the FLT_INSTANCE_CONTEXT of the other objects
      And the minifilter references "A"
      And the minifilter references "B"
      And the minifilter releases "A"
      Then "A" has a reference count of 2
      And "B" has a reference count of 3
      When the minifilter releases "A"
      And the minifilter releases "B"
      Then "A" has a reference count of 1
      And "B" has a reference count of 2

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

    @needs:context-inspection @needs:objects
    Scenario Outline: REF-004 getting the <type> of one instance adds no reference to the other instance's
      Given the minifilter registers a <type> definition of 32 bytes
      And the minifilter's instance is attached to a volume with a file open
      And the minifilter also has a second instance on the same volume with the file open
      When the minifilter allocates a <type> of 32 bytes from NonPagedPool as "A"
      And the minifilter allocates a <type> of 32 bytes from NonPagedPool as "B"
      And "A" is set as the minifilter's <type>
      And "B" is set as the <type> of the other objects
      And the minifilter gets its <type>
      Then "A" has a reference count of 3
      And "B" has a reference count of 2

      Examples:
        | type                     |
        | FLT_INSTANCE_CONTEXT     |
        | FLT_FILE_CONTEXT         |
        | FLT_STREAM_CONTEXT       |
        | FLT_STREAMHANDLE_CONTEXT |

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

    @needs:context-inspection @needs:objects
    Scenario: REF-006 the contexts come from the objects FltGetContexts is given, not from a second instance on the same file
      Given the minifilter registers these context definitions:
        | type                 | size |
        | FLT_INSTANCE_CONTEXT | 16   |
        | FLT_STREAM_CONTEXT   | 16   |
      And the minifilter's instance is attached to a volume with a file open
      And the minifilter also has a second instance on the same volume with the file open
      When the minifilter allocates a FLT_INSTANCE_CONTEXT of 16 bytes from PagedPool as "I"
      And the minifilter allocates a FLT_STREAM_CONTEXT of 16 bytes from PagedPool as "S"
      And the minifilter allocates a FLT_INSTANCE_CONTEXT of 16 bytes from PagedPool as "I2"
      And the minifilter allocates a FLT_STREAM_CONTEXT of 16 bytes from PagedPool as "S2"
      And "I" is set as the minifilter's FLT_INSTANCE_CONTEXT
      And "S" is set as the minifilter's FLT_STREAM_CONTEXT
      And "I2" is set as the FLT_INSTANCE_CONTEXT of the other objects
      And "S2" is set as the FLT_STREAM_CONTEXT of the other objects
      And the minifilter calls FltGetContexts for "FLT_INSTANCE_CONTEXT|FLT_STREAM_CONTEXT"
      Then FltGetContexts hands back "I" as the FLT_INSTANCE_CONTEXT
      And FltGetContexts hands back "S" as the FLT_STREAM_CONTEXT
      And "I2" has a reference count of 2
      And "S2" has a reference count of 2

    @needs:context-inspection @needs:objects
    Scenario Outline: REF-006 a <type> asked for alone comes back from FltGetContexts with one more reference, which FltReleaseContexts returns
      Given the minifilter registers a <type> definition of 16 bytes
      And the minifilter's instance is attached to a volume with a file open
      When the minifilter allocates a <type> of 16 bytes from NonPagedPool as "A"
      And "A" is set as the minifilter's <type>
      And the minifilter calls FltGetContexts for "<type>"
      Then FltGetContexts hands back "A" as the <type>
      And "A" has a reference count of 3
      When the minifilter calls FltReleaseContexts
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

  @must @windows:win8+
  Rule: REF-010 FltGetContextsEx with a DesiredContexts value that names no context type fails with STATUS_INVALID_PARAMETER and hands back nothing
    Source: "FltGetContextsEx function (fltkernel.h)", Parameters > DesiredContexts and Return value (STATUS_INVALID_PARAMETER: an invalid context value was entered) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltgetcontextsex
    Ambiguity: the page does not say which values are invalid, nor what the structure holds after the failure.
    Kit reading: DesiredContexts is an OR of the type values (FLT_ALL_CONTEXTS, 0x007F from Windows 8, is all of them); a bit outside them is an invalid context value. A failed call hands back no context and takes no reference, also for valid types asked alongside, since the caller releases only what a successful call returned.

    @needs:objects @needs:context-inspection
    Scenario Outline: REF-010 DesiredContexts <desired> is refused and references nothing
      Given the minifilter registers a FLT_INSTANCE_CONTEXT definition of 16 bytes
      And the minifilter's instance is attached to a volume with a file open
      When the minifilter allocates a FLT_INSTANCE_CONTEXT of 16 bytes from PagedPool as "I"
      And "I" is set as the minifilter's FLT_INSTANCE_CONTEXT
      And the minifilter calls FltGetContexts for "<desired>"
      Then FltGetContexts returns STATUS_INVALID_PARAMETER
      And FltGetContexts hands back NULL_CONTEXT as the FLT_INSTANCE_CONTEXT
      And "I" has a reference count of 2

      Examples:
        | desired                      |
        | 0x0080                       |
        | FLT_INSTANCE_CONTEXT\|0x0100 |

    @needs:objects @needs:transactions
    Scenario: REF-010 FLT_ALL_CONTEXTS is a valid DesiredContexts value
      Given the minifilter registers a FLT_INSTANCE_CONTEXT definition of 16 bytes
      And the minifilter's instance is attached to a volume with a file open
      When the minifilter allocates a FLT_INSTANCE_CONTEXT of 16 bytes from PagedPool as "I"
      And "I" is set as the minifilter's FLT_INSTANCE_CONTEXT
      And the minifilter calls FltGetContexts for "0x007F"
      Then FltGetContexts returns STATUS_SUCCESS
      And FltGetContexts hands back "I" as the FLT_INSTANCE_CONTEXT

  @untestable @windows:win8+
  Rule: REF-011 The caller of FltGetContextsEx passes ContextsSize = sizeof(FLT_RELATED_CONTEXTS_EX)
    Source: "FltGetContextsEx function (fltkernel.h)", Parameters > ContextsSize (set it to sizeof(FLT_RELATED_CONTEXTS_EX)) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltgetcontextsex
    Kit reading: this is the caller's side of the contract, and the page says nothing of what a wrong size does. The kit's getContexts has no ContextsSize: the structure it hands back is always the whole FLT_RELATED_CONTEXTS_EX. Adding the size to the SPI and the process protocol would buy only a CALLER-CONTRACT scenario that asserts nothing, so the kit leaves it out.

    Scenario: REF-011 a wrong ContextsSize cannot be passed
      * the kit cannot observe this: the SPI's FltGetContextsEx always passes the size of the FLT_RELATED_CONTEXTS_EX it reads back, and what another size does is undocumented
