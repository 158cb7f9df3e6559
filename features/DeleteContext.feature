# Rules of FltDeleteContext and the typed delete-context routines (FltDeleteVolumeContext ...
# FltDeleteTransactionContext), which the FltAllocateContext page names per context type, with the
# behaviour from their reference pages and "Deleting Contexts" on Microsoft Learn. Conventions: see README.
Feature: Deleting contexts

  @must @windows:all
  Rule: DEL-001 The typed delete routine without OldContext removes the context and drops the reference the set took
    Source: "FltAllocateContext function (fltkernel.h)", Remarks (the delete-context routine per type) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltallocatecontext; "Deleting Contexts" (with OldContext NULL the filter manager drops the reference) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ifs/deleting-contexts; "FltDeleteStreamContext function (fltkernel.h)", Parameters > OldContext and Remarks (OldContext NULL) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltdeletestreamcontext

    @needs:objects @needs:context-inspection
    Scenario Outline: DEL-001 deleting the <type> leaves only the minifilter's own reference, and its release frees it
      Given the minifilter registers a <type> definition of 32 bytes
      And the minifilter's instance is attached to a volume with a file open
      When the minifilter allocates a <type> of 32 bytes from NonPagedPool as "A"
      And "A" is set as the minifilter's <type>
      And the minifilter deletes its <type>
      Then the delete routine returns STATUS_SUCCESS
      And the minifilter has no <type>
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
    Scenario Outline: DEL-001 deleting one instance's <type> leaves the second instance's on the same file
      Given the minifilter registers a <type> definition of 32 bytes
      And the minifilter's instance is attached to a volume with a file open
      And the minifilter also has a second instance on the same volume with the file open
      When the minifilter allocates a <type> of 32 bytes from NonPagedPool as "A"
      And the minifilter allocates a <type> of 32 bytes from NonPagedPool as "B"
      And "A" is set as the minifilter's <type>
      And "B" is set as the <type> of the other objects
      And the minifilter deletes its <type>
      Then the delete routine returns STATUS_SUCCESS
      And "A" has a reference count of 1
      And "B" has a reference count of 2
      And the <type> of the other objects is "B"

      Examples:
        | type                     |
        | FLT_INSTANCE_CONTEXT     |
        | FLT_FILE_CONTEXT         |
        | FLT_STREAM_CONTEXT       |
        | FLT_STREAMHANDLE_CONTEXT |

    @needs:objects @needs:context-inspection
    Scenario Outline: DEL-001 deleting the minifilter's <type> leaves another filter's on the same object
      Given the minifilter registers a <type> definition of 32 bytes
      And the minifilter's instance is attached to a volume with a file open
      And another filter with the same definitions has an instance on the volume with the file open
      When the minifilter allocates a <type> of 32 bytes from NonPagedPool as "A"
      And the other filter allocates a <type> of 32 bytes from NonPagedPool as "B"
      And "A" is set as the minifilter's <type>
      And "B" is set as the <type> of the other objects
      And the minifilter deletes its <type>
      Then the delete routine returns STATUS_SUCCESS
      And "A" has a reference count of 1
      And "B" has a reference count of 2
      And the <type> of the other objects is "B"

      Examples:
        | type               |
        | FLT_VOLUME_CONTEXT |

      @needs:transactions
      Examples: transactions
        | type                    |
        | FLT_TRANSACTION_CONTEXT |

  @must @windows:all
  Rule: DEL-002 The typed delete routine with OldContext hands the removed context back, keeping the set's reference for the caller to release
    Source: "Deleting Contexts" (the removed context comes back in OldContext for the caller to release) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ifs/deleting-contexts; "FltDeleteFileContext function (fltkernel.h)", Remarks (OldContext: the caller must release the returned context) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltdeletefilecontext

    @needs:objects @needs:context-inspection
    Scenario Outline: DEL-002 deleting the <type> with OldContext hands it back still referenced
      Given the minifilter registers a <type> definition of 32 bytes
      And the minifilter's instance is attached to a volume with a file open
      When the minifilter allocates a <type> of 32 bytes from NonPagedPool as "A"
      And "A" is set as the minifilter's <type>
      And the minifilter deletes its <type>, asking for the old context
      Then the delete routine returns STATUS_SUCCESS
      And the routine hands back "A"
      And the minifilter has no <type>
      And "A" has a reference count of 2
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
  Rule: DEL-003 With no context on the object the typed delete routine returns STATUS_NOT_FOUND and NULL_CONTEXT in OldContext
    Source: "FltDeleteFileContext function (fltkernel.h)", Return value and Parameters > OldContext (STATUS_NOT_FOUND, and NULL_CONTEXT in OldContext; likewise on the other FltDeleteXxxContext pages) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltdeletefilecontext

    @needs:objects
    Scenario Outline: DEL-003 deleting a <type> that was never set gives STATUS_NOT_FOUND
      Given the minifilter registers a <type> definition of 32 bytes
      And the minifilter's instance is attached to a volume with a file open
      When the minifilter deletes its <type>, asking for the old context
      Then the delete routine returns STATUS_NOT_FOUND
      And the routine hands back NULL_CONTEXT

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
    Scenario: DEL-003 deleting an instance context a second time gives STATUS_NOT_FOUND
      Given the minifilter registers a FLT_INSTANCE_CONTEXT definition of 32 bytes
      And the minifilter's instance is attached to a volume with a file open
      When the minifilter allocates a FLT_INSTANCE_CONTEXT of 32 bytes from PagedPool as "A"
      And "A" is set as the minifilter's FLT_INSTANCE_CONTEXT
      And the minifilter deletes its FLT_INSTANCE_CONTEXT
      And the minifilter deletes its FLT_INSTANCE_CONTEXT
      Then the delete routine returns STATUS_NOT_FOUND

    @needs:objects
    Scenario Outline: DEL-003 a second delete of the <type> with OldContext hands back NULL_CONTEXT, not the context deleted before
      Given the minifilter registers a <type> definition of 32 bytes
      And the minifilter's instance is attached to a volume with a file open
      When the minifilter allocates a <type> of 32 bytes from NonPagedPool as "A"
      And "A" is set as the minifilter's <type>
      And the minifilter deletes its <type>
      And the minifilter deletes its <type>, asking for the old context
      Then the delete routine returns STATUS_NOT_FOUND
      And the routine hands back NULL_CONTEXT

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
  Rule: DEL-004 Deleting a context of an object being torn down, or through an instance being torn down, fails with STATUS_FLT_DELETING_OBJECT
    Source: "FltDeleteStreamContext function (fltkernel.h)", Return value (STATUS_FLT_DELETING_OBJECT: the Instance is being torn down; likewise on the instance, stream handle and transaction delete pages, and the Volume on the volume page) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltdeletestreamcontext; "FltDeleteStreamContext function (fltkernel.h)", Parameters > OldContext (receives the address of the deleted context) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltdeletestreamcontext
    Ambiguity: the FltDeleteFileContext page is the only delete page that does not list STATUS_FLT_DELETING_OBJECT.
    Kit reading: file contexts are left out here; DEL-005 records what FltDeleteFileContext does. As for the set routines (SET-012), the object's own teardown counts too. A refused delete deleted nothing: OldContext gets NULL_CONTEXT and no reference is dropped.

    @needs:objects
    Scenario Outline: DEL-004 the <type> of an object being torn down cannot be deleted by the minifilter
      Given the minifilter registers a <type> definition of 32 bytes
      And the minifilter's instance is attached to a volume with a file open
      When the minifilter allocates a <type> of 32 bytes from NonPagedPool as "A"
      And "A" is set as the minifilter's <type>
      And the object of the minifilter's <type> begins to be torn down
      And the minifilter deletes its <type>
      Then the delete routine returns STATUS_FLT_DELETING_OBJECT

      Examples:
        | type                     |
        | FLT_VOLUME_CONTEXT       |
        | FLT_INSTANCE_CONTEXT     |
        | FLT_STREAM_CONTEXT       |
        | FLT_STREAMHANDLE_CONTEXT |

      @needs:transactions
      Examples: transactions
        | type                    |
        | FLT_TRANSACTION_CONTEXT |

    @needs:objects @needs:context-inspection
    Scenario Outline: DEL-004 a refused delete of the <type> hands back NULL_CONTEXT and drops no reference
      Given the minifilter registers a <type> definition of 32 bytes
      And the minifilter's instance is attached to a volume with a file open
      When the minifilter allocates a <type> of 32 bytes from NonPagedPool as "A"
      And "A" is set as the minifilter's <type>
      And the object of the minifilter's <type> begins to be torn down
      And the minifilter deletes its <type>, asking for the old context
      Then the delete routine returns STATUS_FLT_DELETING_OBJECT
      And the routine hands back NULL_CONTEXT
      And "A" has a reference count of 2

      Examples:
        | type                     |
        | FLT_VOLUME_CONTEXT       |
        | FLT_INSTANCE_CONTEXT     |
        | FLT_STREAM_CONTEXT       |
        | FLT_STREAMHANDLE_CONTEXT |

      @needs:transactions
      Examples: transactions
        | type                    |
        | FLT_TRANSACTION_CONTEXT |

    @needs:objects @needs:context-inspection
    Scenario Outline: DEL-004 the <type> cannot be deleted through an instance being torn down
      Given the minifilter registers a <type> definition of 32 bytes
      And the minifilter's instance is attached to a volume with a file open
      When the minifilter allocates a <type> of 32 bytes from NonPagedPool as "A"
      And "A" is set as the minifilter's <type>
      And the minifilter's instance begins to be torn down
      And the minifilter deletes its <type>
      Then the delete routine returns STATUS_FLT_DELETING_OBJECT
      And "A" has a reference count of 2

      Examples:
        | type                     |
        | FLT_STREAM_CONTEXT       |
        | FLT_STREAMHANDLE_CONTEXT |

      @needs:transactions
      Examples: transactions
        | type                    |
        | FLT_TRANSACTION_CONTEXT |

  @impl-defined @windows:all
  Rule: DEL-005 What FltDeleteFileContext returns for a file being torn down
    Source: "FltDeleteFileContext function (fltkernel.h)", Return value (lists STATUS_NOT_FOUND and STATUS_NOT_SUPPORTED only) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltdeletefilecontext
    Ambiguity: every other delete page lists STATUS_FLT_DELETING_OBJECT; whether FltDeleteFileContext can return it is not stated.
    Kit reading: the kit records the status.

    @needs:objects
    Scenario: DEL-005 the kit records FltDeleteFileContext's status on a file being torn down
      Given the minifilter registers a FLT_FILE_CONTEXT definition of 32 bytes
      And the minifilter's instance is attached to a volume with a file open
      When the minifilter allocates a FLT_FILE_CONTEXT of 32 bytes from PagedPool as "A"
      And "A" is set as the minifilter's FLT_FILE_CONTEXT
      And the object of the minifilter's FLT_FILE_CONTEXT begins to be torn down
      And the minifilter deletes its FLT_FILE_CONTEXT, asking for the old context
      Then the kit records what the delete routine returned

    @needs:objects
    Scenario: DEL-005 the kit records FltDeleteFileContext's status through an instance being torn down
      Given the minifilter registers a FLT_FILE_CONTEXT definition of 32 bytes
      And the minifilter's instance is attached to a volume with a file open
      When the minifilter allocates a FLT_FILE_CONTEXT of 32 bytes from PagedPool as "A"
      And "A" is set as the minifilter's FLT_FILE_CONTEXT
      And the minifilter's instance begins to be torn down
      And the minifilter deletes its FLT_FILE_CONTEXT, asking for the old context
      Then the kit records what the delete routine returned

  @must @windows:all
  Rule: DEL-006 On a file system without per-stream contexts the stream and stream handle delete routines fail with STATUS_NOT_SUPPORTED
    Source: "FltDeleteStreamContext function (fltkernel.h)", Return value (STATUS_NOT_SUPPORTED) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltdeletestreamcontext; "FltDeleteStreamHandleContext function (fltkernel.h)", Return value (STATUS_NOT_SUPPORTED) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltdeletestreamhandlecontext
    Kit reading: OldContext receives the deleted context; a refused delete deleted nothing, so it hands back NULL_CONTEXT and drops no reference, also when a context was set before the file system lost per-stream support.

    @needs:objects @needs:stream-support-toggle
    Scenario Outline: DEL-006 <type> cannot be deleted where the file system lacks per-stream contexts
      Given the minifilter registers a <type> definition of 32 bytes
      And the minifilter's instance is attached to a volume with a file open
      And the file system does not support per-stream contexts
      When the minifilter deletes its <type>
      Then the delete routine returns STATUS_NOT_SUPPORTED

      Examples:
        | type                     |
        | FLT_STREAM_CONTEXT       |
        | FLT_STREAMHANDLE_CONTEXT |

    @needs:objects @needs:stream-support-toggle @needs:context-inspection
    Scenario Outline: DEL-006 a <type> set before per-stream support went away is neither deleted nor handed back
      Given the minifilter registers a <type> definition of 32 bytes
      And the minifilter's instance is attached to a volume with a file open
      When the minifilter allocates a <type> of 32 bytes from PagedPool as "A"
      And "A" is set as the minifilter's <type>
      And the file system does not support per-stream contexts
      And the minifilter deletes its <type>, asking for the old context
      Then the delete routine returns STATUS_NOT_SUPPORTED
      And the routine hands back NULL_CONTEXT
      And "A" has a reference count of 2

      Examples:
        | type                     |
        | FLT_STREAM_CONTEXT       |
        | FLT_STREAMHANDLE_CONTEXT |

  @must @windows:all
  Rule: DEL-007 FltDeleteContext unlinks a set context so no get finds it, and the caller's own reference stays valid until released
    Source: "FltDeleteContext function (fltkernel.h)", Remarks (marks the context for deletion, unlinks it; the caller's reference must still be released) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltdeletecontext

    @needs:objects @needs:context-inspection
    Scenario Outline: DEL-007 FltDeleteContext on the <type> removes it from its object
      Given the minifilter registers a <type> definition of 32 bytes
      And the minifilter's instance is attached to a volume with a file open
      When the minifilter allocates a <type> of 32 bytes from NonPagedPool as "A"
      And "A" is set as the minifilter's <type>
      And the minifilter calls FltDeleteContext on "A"
      Then the minifilter has no <type>
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

    @needs:objects
    Scenario: DEL-007 FltDeleteContext also hides the context from FltGetContexts
      Given the minifilter registers a FLT_STREAM_CONTEXT definition of 32 bytes
      And the minifilter's instance is attached to a volume with a file open
      When the minifilter allocates a FLT_STREAM_CONTEXT of 32 bytes from PagedPool as "A"
      And "A" is set as the minifilter's FLT_STREAM_CONTEXT
      And the minifilter calls FltDeleteContext on "A"
      And the minifilter calls FltGetContexts for "FLT_STREAM_CONTEXT"
      Then FltGetContexts hands back NULL_CONTEXT as the FLT_STREAM_CONTEXT

    @needs:objects @needs:context-inspection
    Scenario Outline: DEL-007 FltDeleteContext on one instance's <type> leaves the second instance's attached
      Given the minifilter registers a <type> definition of 32 bytes
      And the minifilter's instance is attached to a volume with a file open
      And the minifilter also has a second instance on the same volume with the file open
      When the minifilter allocates a <type> of 32 bytes from NonPagedPool as "A"
      And the minifilter allocates a <type> of 32 bytes from NonPagedPool as "B"
      And "A" is set as the minifilter's <type>
      And "B" is set as the <type> of the other objects
      And the minifilter calls FltDeleteContext on "A"
      Then the minifilter has no <type>
      And "B" has a reference count of 2
      And the <type> of the other objects is "B"

      Examples:
        | type                     |
        | FLT_INSTANCE_CONTEXT     |
        | FLT_FILE_CONTEXT         |
        | FLT_STREAM_CONTEXT       |
        | FLT_STREAMHANDLE_CONTEXT |

  @must @windows:all
  Rule: DEL-008 FltDeleteContext on a context that is not set on an object removes no reference
    Source: "Deleting Contexts" (a context can be deleted only while it is set on an object) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ifs/deleting-contexts

    @needs:context-inspection
    Scenario Outline: DEL-008 FltDeleteContext on a <type> never set leaves its count at 1
      Given the minifilter registers a <type> definition of 32 bytes
      When the minifilter allocates a <type> of 32 bytes from NonPagedPool as "A"
      And the minifilter calls FltDeleteContext on "A"
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
    Scenario: DEL-008 a second FltDeleteContext does not drop a reference again
      Given the minifilter registers a FLT_STREAM_CONTEXT definition of 32 bytes
      And the minifilter's instance is attached to a volume with a file open
      When the minifilter allocates a FLT_STREAM_CONTEXT of 32 bytes from PagedPool as "A"
      And "A" is set as the minifilter's FLT_STREAM_CONTEXT
      And the minifilter references "A"
      And the minifilter calls FltDeleteContext on "A"
      And the minifilter calls FltDeleteContext on "A"
      Then "A" has a reference count of 2

  @caller-contract @windows:all
  Rule: DEL-009 The caller of FltDeleteContext must hold a reference on the context
    Source: "FltDeleteContext function (fltkernel.h)", Remarks (the caller must already hold a reference) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltdeletecontext

    @needs:objects @leaks-on-purpose
    Scenario: DEL-009 FltDeleteContext on a context the minifilter no longer holds is survived
      Given the minifilter registers a FLT_STREAM_CONTEXT definition of 32 bytes
      And the minifilter's instance is attached to a volume with a file open
      When the minifilter allocates a FLT_STREAM_CONTEXT of 32 bytes from PagedPool as "A"
      And "A" is set as the minifilter's FLT_STREAM_CONTEXT
      And the minifilter releases "A"
      And the minifilter calls FltDeleteContext on "A", breaking its contract
