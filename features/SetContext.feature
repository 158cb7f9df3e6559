# Rules of the set-context routines (FltSetVolumeContext ... FltSetTransactionContext), which the
# FltAllocateContext page names per context type, with the behaviour from their reference pages and
# "Setting Contexts" on Microsoft Learn. Section contexts are set by FltCreateSectionForDataScan: see
# SectionContexts.feature. Conventions: see README.
Feature: Setting contexts

  @must @windows:all
  Rule: SET-001 A successful set attaches the context to its object, where the get routine finds it
    Source: "FltAllocateContext function (fltkernel.h)", Remarks (the set-context routine per type) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltallocatecontext; "Setting Contexts" (a new context is attached to its object with FltSetXxxContext) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ifs/setting-contexts

    @needs:objects
    Scenario Outline: SET-001 <type> set with FLT_SET_CONTEXT_KEEP_IF_EXISTS on an object without one
      Given the minifilter registers a <type> definition of 32 bytes
      And the minifilter's instance is attached to a volume with a file open
      When the minifilter allocates a <type> of 32 bytes from NonPagedPool as "A"
      And the minifilter sets "A" as its <type> with FLT_SET_CONTEXT_KEEP_IF_EXISTS
      Then the set routine returns STATUS_SUCCESS
      And the minifilter's <type> is "A"

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

    @needs:objects
    Scenario Outline: SET-001 a <type> set on a second volume's objects stays there, beside the first volume's
      Given the minifilter registers a <type> definition of 32 bytes
      And the minifilter's instance is attached to a volume with a file open
      And the minifilter also has an instance on a second volume with a file open
      When the minifilter allocates a <type> of 32 bytes from NonPagedPool as "A"
      And the minifilter allocates a <type> of 32 bytes from NonPagedPool as "B"
      And "A" is set as the minifilter's <type>
      And the minifilter sets "B" as the <type> of its other objects with FLT_SET_CONTEXT_KEEP_IF_EXISTS
      Then the set routine returns STATUS_SUCCESS
      And the <type> of the other objects is "B"
      And the minifilter's <type> is "A"

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
  Rule: SET-002 FLT_SET_CONTEXT_KEEP_IF_EXISTS on an object that has a context fails with STATUS_FLT_CONTEXT_ALREADY_DEFINED and keeps the existing one
    Source: "FltSetStreamContext function (fltkernel.h)", Parameters > Operation and Return value (STATUS_FLT_CONTEXT_ALREADY_DEFINED; likewise on the other FltSetXxxContext pages) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltsetstreamcontext; "Setting Contexts" (KEEP_IF_EXISTS does not replace the existing context) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ifs/setting-contexts

    @needs:objects
    Scenario Outline: SET-002 a second <type> is refused and the first stays
      Given the minifilter registers a <type> definition of 32 bytes
      And the minifilter's instance is attached to a volume with a file open
      When the minifilter allocates a <type> of 32 bytes from NonPagedPool as "A"
      And the minifilter allocates a <type> of 32 bytes from NonPagedPool as "B"
      And "A" is set as the minifilter's <type>
      And the minifilter sets "B" as its <type> with FLT_SET_CONTEXT_KEEP_IF_EXISTS
      Then the set routine returns STATUS_FLT_CONTEXT_ALREADY_DEFINED
      And the minifilter's <type> is "A"

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

    # Without OldContext the refusal hands nothing back, so it takes no reference on the existing context.
    @needs:objects @needs:context-inspection
    Scenario Outline: SET-002 a refused set of a <type> without OldContext leaves the existing one's count as it was
      Given the minifilter registers a <type> definition of 32 bytes
      And the minifilter's instance is attached to a volume with a file open
      When the minifilter allocates a <type> of 32 bytes from NonPagedPool as "A"
      And the minifilter allocates a <type> of 32 bytes from NonPagedPool as "B"
      And "A" is set as the minifilter's <type>
      And the minifilter sets "B" as its <type> with FLT_SET_CONTEXT_KEEP_IF_EXISTS
      Then the set routine returns STATUS_FLT_CONTEXT_ALREADY_DEFINED
      And "A" has a reference count of 2

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
  Rule: SET-003 A failed set leaves NewContext's reference count unchanged, so releasing the allocation reference frees it
    Source: "FltSetStreamContext function (fltkernel.h)", Remarks (on failure the reference count is unchanged; likewise on the other FltSetXxxContext pages) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltsetstreamcontext; "Releasing Contexts" (the allocation reference is released whether or not the set succeeded) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ifs/releasing-contexts

    @needs:objects @needs:context-inspection
    Scenario Outline: SET-003 a refused <type> keeps a count of 1 and goes away with its release
      Given the minifilter registers a <type> definition of 32 bytes
      And the minifilter's instance is attached to a volume with a file open
      When the minifilter allocates a <type> of 32 bytes from NonPagedPool as "A"
      And the minifilter allocates a <type> of 32 bytes from NonPagedPool as "B"
      And "A" is set as the minifilter's <type>
      And the minifilter sets "B" as its <type> with FLT_SET_CONTEXT_KEEP_IF_EXISTS
      Then "B" has a reference count of 1
      When the minifilter releases "B"
      Then "B" is freed

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

    @needs:objects @needs:context-inspection
    Scenario Outline: SET-003 a <type> refused because it is already set elsewhere keeps the count it had
      Given the minifilter registers a <type> definition of 32 bytes
      And the minifilter's instance is attached to a volume with a file open
      And the minifilter also has an instance on a second volume with a file open
      When the minifilter allocates a <type> of 32 bytes from NonPagedPool as "A"
      And "A" is set as the minifilter's <type>
      And the minifilter sets "A" as the <type> of its other objects with FLT_SET_CONTEXT_KEEP_IF_EXISTS
      Then the set routine returns STATUS_FLT_CONTEXT_ALREADY_LINKED
      And "A" has a reference count of 2
      And the minifilter's <type> is "A"

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

    @needs:objects @needs:context-inspection
    Scenario Outline: SET-003 a <type> refused for Operation 2 keeps a count of 1 and goes away with its release
      Given the minifilter registers a <type> definition of 32 bytes
      And the minifilter's instance is attached to a volume with a file open
      When the minifilter allocates a <type> of 32 bytes from NonPagedPool as "A"
      And the minifilter sets "A" as its <type> with 2
      Then the set routine returns STATUS_INVALID_PARAMETER
      And "A" has a reference count of 1
      When the minifilter releases "A"
      Then "A" is freed

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

    @needs:objects @needs:context-inspection
    Scenario Outline: SET-003 a <type> refused on an object being torn down keeps a count of 1
      Given the minifilter registers a <type> definition of 32 bytes
      And the minifilter's instance is attached to a volume with a file open
      When the minifilter allocates a <type> of 32 bytes from NonPagedPool as "A"
      And the object of the minifilter's <type> begins to be torn down
      And the minifilter sets "A" as its <type> with FLT_SET_CONTEXT_REPLACE_IF_EXISTS
      Then the set routine returns STATUS_FLT_DELETING_OBJECT
      And "A" has a reference count of 1

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

    @needs:objects @needs:context-inspection @needs:stream-support-toggle
    Scenario Outline: SET-003 a <type> refused where the file system lacks per-stream contexts keeps a count of 1
      Given the minifilter registers a <type> definition of 32 bytes
      And the minifilter's instance is attached to a volume with a file open
      When the minifilter allocates a <type> of 32 bytes from PagedPool as "A"
      And the file system does not support per-stream contexts
      And the minifilter sets "A" as its <type> with FLT_SET_CONTEXT_KEEP_IF_EXISTS
      Then the set routine returns STATUS_NOT_SUPPORTED
      And "A" has a reference count of 1

      Examples:
        | type                     |
        | FLT_STREAM_CONTEXT       |
        | FLT_STREAMHANDLE_CONTEXT |

  @must @windows:all
  Rule: SET-004 When KEEP_IF_EXISTS fails and OldContext is given, the existing context comes back in it with a reference
    Source: "FltSetStreamContext function (fltkernel.h)", Parameters > OldContext and Remarks (the returned OldContext must be released; likewise on the other FltSetXxxContext pages) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltsetstreamcontext

    @needs:objects @needs:context-inspection
    Scenario Outline: SET-004 the refused set of a <type> hands back the existing one, referenced
      Given the minifilter registers a <type> definition of 32 bytes
      And the minifilter's instance is attached to a volume with a file open
      When the minifilter allocates a <type> of 32 bytes from NonPagedPool as "A"
      And the minifilter allocates a <type> of 32 bytes from NonPagedPool as "B"
      And "A" is set as the minifilter's <type>
      And the minifilter sets "B" as its <type> with FLT_SET_CONTEXT_KEEP_IF_EXISTS, asking for the old context
      Then the set routine returns STATUS_FLT_CONTEXT_ALREADY_DEFINED
      And the routine hands back "A"
      And "A" has a reference count of 3

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
  Rule: SET-005 FLT_SET_CONTEXT_REPLACE_IF_EXISTS attaches NewContext and hands the removed context back in OldContext, for the caller to release
    Source: "Setting Contexts" (REPLACE_IF_EXISTS returns the old context in OldContext, to be released) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ifs/setting-contexts
    Ambiguity: the set routine pages only mention OldContext in their failure branch, and do not say whether the returned old context carries a new reference or the one the object held.
    Kit reading: OldContext holds the replaced context; one release by the caller balances it, so after the caller releases it and its own allocation reference it is freed.

    @needs:objects @needs:context-inspection
    Scenario Outline: SET-005 replacing the <type> hands back the old one, which goes away once released
      Given the minifilter registers a <type> definition of 32 bytes
      And the minifilter's instance is attached to a volume with a file open
      When the minifilter allocates a <type> of 32 bytes from NonPagedPool as "A"
      And the minifilter allocates a <type> of 32 bytes from NonPagedPool as "B"
      And "A" is set as the minifilter's <type>
      And the minifilter sets "B" as its <type> with FLT_SET_CONTEXT_REPLACE_IF_EXISTS, asking for the old context
      Then the set routine returns STATUS_SUCCESS
      And the routine hands back "A"
      And the minifilter's <type> is "B"
      When the minifilter releases the context handed back
      And the minifilter releases "A"
      Then "A" is freed

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
  Rule: SET-006 REPLACE_IF_EXISTS without OldContext drops the object's reference on the replaced context
    Source: "Setting Contexts" (the replaced context is removed from the object) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ifs/setting-contexts; "Releasing Contexts" (which references the minifilter must release) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ifs/releasing-contexts

    @needs:objects @needs:context-inspection
    Scenario Outline: SET-006 the replaced <type> is freed once the minifilter releases its own reference
      Given the minifilter registers a <type> definition of 32 bytes
      And the minifilter's instance is attached to a volume with a file open
      When the minifilter allocates a <type> of 32 bytes from NonPagedPool as "A"
      And the minifilter allocates a <type> of 32 bytes from NonPagedPool as "B"
      And "A" is set as the minifilter's <type>
      And the minifilter sets "B" as its <type> with FLT_SET_CONTEXT_REPLACE_IF_EXISTS
      Then the set routine returns STATUS_SUCCESS
      And "A" has a reference count of 1
      When the minifilter releases "A"
      Then "A" is freed

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

  @impl-defined @windows:all
  Rule: SET-007 What OldContext receives when no context existed
    Source: "FltSetStreamContext function (fltkernel.h)", Parameters > OldContext (receives the existing context "if one is set"; likewise on the other FltSetXxxContext pages) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltsetstreamcontext
    Ambiguity: no page says what OldContext holds when nothing was set.
    Kit reading: NULL_CONTEXT is the natural value; the kit records what the implementation writes and, when it is a context, releases it.

    @needs:objects
    Scenario: SET-007 the kit records OldContext after a first REPLACE_IF_EXISTS set of a stream context
      Given the minifilter registers a FLT_STREAM_CONTEXT definition of 32 bytes
      And the minifilter's instance is attached to a volume with a file open
      When the minifilter allocates a FLT_STREAM_CONTEXT of 32 bytes from PagedPool as "A"
      And the minifilter sets "A" as its FLT_STREAM_CONTEXT with FLT_SET_CONTEXT_REPLACE_IF_EXISTS, asking for the old context
      Then the set routine returns STATUS_SUCCESS
      And the kit records what the routine handed back

  @must @windows:all
  Rule: SET-008 A NewContext already set on an object fails with STATUS_FLT_CONTEXT_ALREADY_LINKED
    Source: "FltSetStreamContext function (fltkernel.h)", Return value (STATUS_FLT_CONTEXT_ALREADY_LINKED; likewise on the other FltSetXxxContext pages) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltsetstreamcontext

    @needs:objects
    Scenario Outline: SET-008 a <type> set on one object cannot be set on another
      Given the minifilter registers a <type> definition of 32 bytes
      And the minifilter's instance is attached to a volume with a file open
      And the minifilter also has an instance on a second volume with a file open
      When the minifilter allocates a <type> of 32 bytes from NonPagedPool as "A"
      And "A" is set as the minifilter's <type>
      And the minifilter sets "A" as the <type> of its other objects with FLT_SET_CONTEXT_KEEP_IF_EXISTS
      Then the set routine returns STATUS_FLT_CONTEXT_ALREADY_LINKED

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
  Rule: SET-009 An Operation other than KEEP_IF_EXISTS or REPLACE_IF_EXISTS fails with STATUS_INVALID_PARAMETER
    Source: "FltSetStreamContext function (fltkernel.h)", Return value (STATUS_INVALID_PARAMETER for an invalid Operation; likewise on the other FltSetXxxContext pages) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltsetstreamcontext

    @needs:objects
    Scenario Outline: SET-009 Operation <operation> on a <type> is refused
      Given the minifilter registers a <type> definition of 32 bytes
      And the minifilter's instance is attached to a volume with a file open
      When the minifilter allocates a <type> of 32 bytes from NonPagedPool as "A"
      And the minifilter sets "A" as its <type> with <operation>
      Then the set routine returns STATUS_INVALID_PARAMETER
      And the minifilter has no <type>

      Examples:
        | type                     | operation  |
        | FLT_VOLUME_CONTEXT       | 2          |
        | FLT_INSTANCE_CONTEXT     | 2          |
        | FLT_FILE_CONTEXT         | -1         |
        | FLT_STREAM_CONTEXT       | 0x7FFFFFFF |
        | FLT_STREAMHANDLE_CONTEXT | 3          |

      @needs:transactions
      Examples: transactions
        | type                    | operation |
        | FLT_TRANSACTION_CONTEXT | 2         |

  @must @windows:all
  Rule: SET-010 A NewContext of another type fails with STATUS_INVALID_PARAMETER
    Source: "FltSetStreamContext function (fltkernel.h)", Return value (STATUS_INVALID_PARAMETER when NewContext is not a valid context of the routine's type; likewise on the other FltSetXxxContext pages) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltsetstreamcontext

    @needs:objects
    Scenario Outline: SET-010 a <given> passed to the <type> set routine is refused
      Given the minifilter registers these context definitions:
        | type    | size |
        | <type>  | 32   |
        | <given> | 32   |
      And the minifilter's instance is attached to a volume with a file open
      When the minifilter allocates a <given> of 32 bytes from NonPagedPool as "A"
      And the minifilter sets "A" as its <type> with FLT_SET_CONTEXT_KEEP_IF_EXISTS
      Then the set routine returns STATUS_INVALID_PARAMETER
      And the minifilter has no <type>

      Examples:
        | type                     | given                    |
        | FLT_VOLUME_CONTEXT       | FLT_INSTANCE_CONTEXT     |
        | FLT_INSTANCE_CONTEXT     | FLT_VOLUME_CONTEXT       |
        | FLT_FILE_CONTEXT         | FLT_STREAM_CONTEXT       |
        | FLT_STREAM_CONTEXT       | FLT_STREAMHANDLE_CONTEXT |
        | FLT_STREAMHANDLE_CONTEXT | FLT_FILE_CONTEXT         |

      @needs:transactions
      Examples: transactions
        | type                    | given                |
        | FLT_TRANSACTION_CONTEXT | FLT_INSTANCE_CONTEXT |

  @must @windows:all
  Rule: SET-011 On a file system without per-stream contexts the stream and stream handle set routines fail with STATUS_NOT_SUPPORTED
    Source: "FltSetStreamContext function (fltkernel.h)", Return value (STATUS_NOT_SUPPORTED) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltsetstreamcontext; "FltSetStreamHandleContext function (fltkernel.h)", Return value (STATUS_NOT_SUPPORTED) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltsetstreamhandlecontext

    @needs:objects @needs:stream-support-toggle
    Scenario Outline: SET-011 <type> cannot be set where the file system lacks per-stream contexts
      Given the minifilter registers a <type> definition of 32 bytes
      And the minifilter's instance is attached to a volume with a file open
      When the minifilter allocates a <type> of 32 bytes from PagedPool as "A"
      And the file system does not support per-stream contexts
      And the minifilter sets "A" as its <type> with FLT_SET_CONTEXT_KEEP_IF_EXISTS
      Then the set routine returns STATUS_NOT_SUPPORTED

      Examples:
        | type                     |
        | FLT_STREAM_CONTEXT       |
        | FLT_STREAMHANDLE_CONTEXT |

  @must @windows:all
  Rule: SET-012 Setting a context on an object being torn down, or through an instance being torn down, fails with STATUS_FLT_DELETING_OBJECT
    Source: "FltSetStreamContext function (fltkernel.h)", Return value (STATUS_FLT_DELETING_OBJECT: the Instance is being torn down; likewise on the file, stream handle and transaction pages) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltsetstreamcontext; "FltSetVolumeContext function (fltkernel.h)", Return value (STATUS_FLT_DELETING_OBJECT: the Volume is being torn down) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltsetvolumecontext
    Kit reading: the pages name the Instance parameter (the Volume for FltSetVolumeContext); the kit also refuses a set on the object itself (file, stream, file object, transaction) once its teardown has begun, since the context could not outlive it.

    @needs:objects
    Scenario Outline: SET-012 a <type> cannot be set on an object being torn down
      Given the minifilter registers a <type> definition of 32 bytes
      And the minifilter's instance is attached to a volume with a file open
      When the minifilter allocates a <type> of 32 bytes from NonPagedPool as "A"
      And the object of the minifilter's <type> begins to be torn down
      And the minifilter sets "A" as its <type> with FLT_SET_CONTEXT_REPLACE_IF_EXISTS
      Then the set routine returns STATUS_FLT_DELETING_OBJECT

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

    @needs:objects
    Scenario Outline: SET-012 a <type> cannot be set through an instance being torn down
      Given the minifilter registers a <type> definition of 32 bytes
      And the minifilter's instance is attached to a volume with a file open
      When the minifilter allocates a <type> of 32 bytes from NonPagedPool as "A"
      And the minifilter's instance begins to be torn down
      And the minifilter sets "A" as its <type> with FLT_SET_CONTEXT_KEEP_IF_EXISTS
      Then the set routine returns STATUS_FLT_DELETING_OBJECT
      And the minifilter has no <type>

      Examples:
        | type                     |
        | FLT_FILE_CONTEXT         |
        | FLT_STREAM_CONTEXT       |
        | FLT_STREAMHANDLE_CONTEXT |

      @needs:transactions
      Examples: transactions
        | type                    |
        | FLT_TRANSACTION_CONTEXT |

  @must @windows:all
  Rule: SET-013 Without per-stream contexts the volume, instance and transaction contexts are still set and got as usual
    Source: "FltSetInstanceContext function (fltkernel.h)", Return value (no STATUS_NOT_SUPPORTED) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltsetinstancecontext; "FltSetVolumeContext function (fltkernel.h)", Return value (no STATUS_NOT_SUPPORTED) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltsetvolumecontext; "FltSetTransactionContext function (fltkernel.h)", Return value (no STATUS_NOT_SUPPORTED) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltsettransactioncontext; "File System Support for Contexts" (per-stream support concerns stream and stream handle contexts) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ifs/file-system-support-for-contexts
    Kit reading: STATUS_NOT_SUPPORTED is documented for the file, stream and stream handle routines only; a file system without per-stream contexts changes nothing for the others.

    @needs:objects @needs:stream-support-toggle
    Scenario Outline: SET-013 a <type> is set and found while the file system lacks per-stream contexts
      Given the minifilter registers a <type> definition of 32 bytes
      And the minifilter's instance is attached to a volume with a file open
      When the minifilter allocates a <type> of 32 bytes from NonPagedPool as "A"
      And the file system does not support per-stream contexts
      And the minifilter sets "A" as its <type> with FLT_SET_CONTEXT_KEEP_IF_EXISTS
      Then the set routine returns STATUS_SUCCESS
      And the minifilter's <type> is "A"

      Examples:
        | type                 |
        | FLT_VOLUME_CONTEXT   |
        | FLT_INSTANCE_CONTEXT |

      @needs:transactions
      Examples: transactions
        | type                    |
        | FLT_TRANSACTION_CONTEXT |

  @impl-defined @windows:all
  Rule: SET-014 What FltSetFileContext answers where the file system lacks per-stream contexts
    Source: "FltSetFileContext function (fltkernel.h)", Return value (STATUS_NOT_SUPPORTED: file contexts are not supported for this file) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltsetfilecontext; "FltSupportsFileContextsEx function (fltkernel.h)", Remarks (the filter manager may emulate file contexts through stream contexts) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltsupportsfilecontextsex
    Ambiguity: a file system may support file contexts on its own or have them emulated through stream contexts; whether a file system without per-stream contexts has file contexts is not said.
    Kit reading: both answers are allowed; the kit records the status.

    @needs:objects @needs:stream-support-toggle
    Scenario: SET-014 the kit records FltSetFileContext's status without per-stream contexts
      Given the minifilter registers a FLT_FILE_CONTEXT definition of 32 bytes
      And the minifilter's instance is attached to a volume with a file open
      When the minifilter allocates a FLT_FILE_CONTEXT of 32 bytes from PagedPool as "A"
      And the file system does not support per-stream contexts
      And the minifilter sets "A" as its FLT_FILE_CONTEXT with FLT_SET_CONTEXT_KEEP_IF_EXISTS
      Then the kit records what the set routine returned
