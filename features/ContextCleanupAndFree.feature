# Rules of the cleanup and free callbacks and of where a freed context's memory goes, from the Learn
# page "Registering context types" (its table of context callback routines) and the reference pages of
# the callbacks and of FltReleaseContext. Conventions: see README.
Feature: Context cleanup and free

  @must @windows:all
  Rule: FREE-001 The cleanup callback runs exactly once per context, with the minifilter portion and the context type
    Source: "Registering context types", Minifilter callback routines for context management (PFLT_CONTEXT_CLEANUP_CALLBACK, called before the context is freed) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ifs/registering-context-types; "PFLT_CONTEXT_CLEANUP_CALLBACK callback function (fltkernel.h)", Parameters > Context and ContextType — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nc-fltkernel-pflt_context_cleanup_callback

    @needs:callback-events
    Scenario Outline: FREE-001 the last release of a <type> calls the cleanup callback once with that context and type
      Given the minifilter registers these context definitions:
        | type   | size | callbacks |
        | <type> | 40   | cleanup   |
      When the minifilter allocates a <type> of 40 bytes from NonPagedPool as "A"
      And the minifilter references "A"
      And the minifilter releases "A"
      And the minifilter releases "A"
      Then the cleanup callback ran once for "A" as a <type>

      Examples:
        | type                     |
        | FLT_VOLUME_CONTEXT       |
        | FLT_INSTANCE_CONTEXT     |
        | FLT_FILE_CONTEXT         |
        | FLT_STREAM_CONTEXT       |
        | FLT_STREAMHANDLE_CONTEXT |
        | FLT_TRANSACTION_CONTEXT  |

    @needs:callback-events @needs:objects
    Scenario: FREE-001 a context set on an object and deleted with it is cleaned up once, not again on the last release
      Given the minifilter registers these context definitions:
        | type               | size | callbacks |
        | FLT_STREAM_CONTEXT | 40   | cleanup   |
      And the minifilter's instance is attached to a volume with a file open
      When the minifilter allocates a FLT_STREAM_CONTEXT of 40 bytes from PagedPool as "A"
      And "A" is set as the minifilter's FLT_STREAM_CONTEXT
      And the minifilter deletes its FLT_STREAM_CONTEXT
      And the minifilter releases "A"
      And the minifilter's file object is closed
      Then the cleanup callback ran once for "A" as a FLT_STREAM_CONTEXT

  @must @windows:all
  Rule: FREE-002 The cleanup callback does not run while a reference remains
    Source: "PFLT_CONTEXT_CLEANUP_CALLBACK callback function (fltkernel.h)", Remarks (the filter manager calls the routine before it frees the context) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nc-fltkernel-pflt_context_cleanup_callback; "Referencing Contexts" (a context is freed only when its reference count reaches zero) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ifs/referencing-contexts

    @needs:callback-events
    Scenario: FREE-002 releasing one of two references does not clean the context up
      Given the minifilter registers these context definitions:
        | type                 | size | callbacks |
        | FLT_INSTANCE_CONTEXT | 40   | cleanup   |
      When the minifilter allocates a FLT_INSTANCE_CONTEXT of 40 bytes from PagedPool as "A"
      And the minifilter references "A"
      And the minifilter releases "A"
      Then the cleanup callback has not run for "A"

  @must @windows:all
  Rule: FREE-003 The free callback receives the block the allocate callback produced, after the cleanup callback
    Source: "Registering context types", Minifilter callback routines for context management (PFLT_CONTEXT_ALLOCATE_CALLBACK, PFLT_CONTEXT_FREE_CALLBACK) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ifs/registering-context-types; "PFLT_CONTEXT_FREE_CALLBACK callback function (fltkernel.h)", Parameters > Pool — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nc-fltkernel-pflt_context_free_callback
    Ambiguity: the free callback page calls its parameter "the context to free"; the allocate callback allocates the whole context, header included.
    Kit reading: Pool is the block the allocate callback returned (as the observed Windows build passes it).

    @needs:callback-events @needs:allocate-callback
    Scenario Outline: FREE-003 a <type> from the minifilter's own allocator goes back to its free callback
      Given the minifilter registers these context definitions:
        | type   | size | callbacks                 |
        | <type> | 64   | cleanup+allocate+free     |
      When the minifilter allocates a <type> of 64 bytes from NonPagedPool as "A"
      And the minifilter releases "A"
      Then the cleanup callback ran once for "A" as a <type>
      And the free callback got the block the allocate callback returned for "A"
      And the cleanup callback for "A" ran before its free callback

      Examples:
        | type                 |
        | FLT_INSTANCE_CONTEXT |
        | FLT_STREAM_CONTEXT   |

    @needs:callback-events @needs:allocate-callback
    Scenario: FREE-003 three file contexts from the minifilter's allocator, alive at once and released out of order, each go back as their own block
      Given the minifilter registers these context definitions:
        | type             | size | callbacks     |
        | FLT_FILE_CONTEXT | 0    | allocate+free |
      When the minifilter allocates a FLT_FILE_CONTEXT of 64 bytes from PagedPool as "A"
      And the minifilter allocates a FLT_FILE_CONTEXT of 100 bytes from PagedPool as "B"
      And the minifilter allocates a FLT_FILE_CONTEXT of 24 bytes from PagedPool as "C"
      And the minifilter releases "B"
      And the minifilter releases "A"
      And the minifilter releases "C"
      Then the free callback got the block the allocate callback returned for "A"
      And the free callback got the block the allocate callback returned for "B"
      And the free callback got the block the allocate callback returned for "C"

  @must @windows:all
  Rule: FREE-004 Without allocate and free callbacks a freed context's memory goes back to its lookaside list or pool
    Source: "Registering context types", Steps to register a context type (fixed-size contexts come from lookaside lists, variable-size ones straight from pool) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ifs/registering-context-types

    @needs:pool-accounting @needs:context-inspection
    Scenario Outline: FREE-004 a freed <kind> <type> leaves no pool block outstanding
      Given the minifilter registers these context definitions:
        | type   | size   |
        | <type> | <size> |
      And the kit notes the pool's outstanding blocks
      When the minifilter allocates a <type> of 24 bytes from <pool> as "A"
      And the minifilter releases "A"
      Then "A" is freed
      And the pool's outstanding blocks are back to what the kit noted

      Examples:
        | kind          | type                 | size                        | pool         |
        | fixed-size    | FLT_STREAM_CONTEXT   | 24                          | PagedPool    |
        | fixed-size    | FLT_VOLUME_CONTEXT   | 24                          | NonPagedPool |
        | variable-size | FLT_INSTANCE_CONTEXT | FLT_VARIABLE_SIZED_CONTEXTS | PagedPool    |

    @needs:pool-accounting
    Scenario Outline: FREE-004 <kind> <type> contexts allocated and released 400 times, one at a time, leave no pool block outstanding
      Given the minifilter registers these context definitions:
        | type   | size   |
        | <type> | <size> |
      And the kit notes the pool's outstanding blocks
      When the minifilter allocates and releases a <type> of 24 bytes from <pool> 400 times
      Then the pool's outstanding blocks are back to what the kit noted

      Examples:
        | kind          | type                     | size                        | pool         |
        | fixed-size    | FLT_FILE_CONTEXT         | 24                          | PagedPool    |
        | variable-size | FLT_STREAMHANDLE_CONTEXT | FLT_VARIABLE_SIZED_CONTEXTS | NonPagedPool |

    @needs:pool-accounting
    Scenario Outline: FREE-004 300 <kind> <type> contexts alive at once, released out of order, leave no pool block outstanding
      Given the minifilter registers these context definitions:
        | type   | size   |
        | <type> | <size> |
      And the kit notes the pool's outstanding blocks
      When the minifilter allocates 300 contexts, each a <type> of 24 bytes from <pool>, and then releases them out of order
      Then the pool's outstanding blocks are back to what the kit noted

      Examples:
        | kind          | type                 | size                        | pool         |
        | fixed-size    | FLT_STREAM_CONTEXT   | 24                          | PagedPool    |
        | variable-size | FLT_INSTANCE_CONTEXT | FLT_VARIABLE_SIZED_CONTEXTS | PagedPool    |

  @must @windows:all
  Rule: FREE-005 No cleanup callback is called for a definition that registered none
    Source: "Registering context types", Minifilter callback routines for context management (the callbacks are optional) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ifs/registering-context-types

    @needs:callback-events @needs:context-inspection
    Scenario: FREE-005 a context whose definition has no cleanup callback is freed without one
      Given the minifilter registers a FLT_FILE_CONTEXT definition of 16 bytes
      When the minifilter allocates a FLT_FILE_CONTEXT of 16 bytes from PagedPool as "A"
      And the minifilter releases "A"
      Then "A" is freed
      And no cleanup callback ran

  @must @windows:all
  Rule: FREE-006 A final release at DISPATCH_LEVEL defers the freeing, so the callbacks still run at APC_LEVEL or below
    Source: "FltReleaseContext function (fltkernel.h)", Remarks (at DISPATCH_LEVEL a work item frees the context) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltreleasecontext; "PFLT_CONTEXT_CLEANUP_CALLBACK callback function (fltkernel.h)", Requirements (called at IRQL <= APC_LEVEL) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nc-fltkernel-pflt_context_cleanup_callback

    @needs:irql @needs:callback-events @needs:context-inspection
    Scenario: FREE-006 a nonpaged context released at DISPATCH_LEVEL is cleaned up below DISPATCH_LEVEL
      Given the minifilter registers these context definitions:
        | type                 | size | callbacks |
        | FLT_INSTANCE_CONTEXT | 40   | cleanup   |
      When the minifilter allocates a FLT_INSTANCE_CONTEXT of 40 bytes from NonPagedPool as "A"
      And the minifilter releases "A" at DISPATCH_LEVEL
      And the deferred work runs
      Then "A" is freed
      And the cleanup callback ran once for "A" as a FLT_INSTANCE_CONTEXT
      And every context callback ran at APC_LEVEL or below

    @needs:irql @needs:callback-events @needs:allocate-callback
    Scenario: FREE-006 the free callback of a context released at DISPATCH_LEVEL runs below DISPATCH_LEVEL
      Given the minifilter registers these context definitions:
        | type               | size | callbacks             |
        | FLT_STREAM_CONTEXT | 40   | cleanup+allocate+free |
      When the minifilter allocates a FLT_STREAM_CONTEXT of 40 bytes from NonPagedPool as "A"
      And the minifilter releases "A" at DISPATCH_LEVEL
      And the deferred work runs
      Then the free callback got the block the allocate callback returned for "A"
      And every context callback ran at APC_LEVEL or below
