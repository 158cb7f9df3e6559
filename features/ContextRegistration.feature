# Rules of context registration (FLT_CONTEXT_REGISTRATION arrays passed to FltRegisterFilter), from
# the conceptual Learn page "Registering context types" and the FLT_CONTEXT_REGISTRATION reference page.
# See the conventions at the top of FltAllocateContext.feature.
# Retired rule IDs (never reused): REG-005 (recorded a definition above MAXUSHORT; now REG-016, which
# demands that it is refused), REG-010 (recorded arrays beyond the per-type limits; now REG-017, REG-018
# and REG-019, which say per case what may not happen).
Feature: Registering context types

  @must @windows:all
  Rule: REG-001 Every context type the minifilter allocates must be registered
    Source: "Registering context types", opening paragraph (a minifilter must first register each type of context it uses) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ifs/registering-context-types; "FltAllocateContext function (fltkernel.h)", Return value (STATUS_FLT_CONTEXT_ALLOCATION_NOT_FOUND) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltallocatecontext

    Scenario: REG-001 a registered type can be allocated
      Given the minifilter registers a FLT_FILE_CONTEXT definition of 64 bytes
      When the minifilter allocates a FLT_FILE_CONTEXT of 64 bytes from PagedPool
      Then FltAllocateContext returns STATUS_SUCCESS

    Scenario: REG-001 a type missing from the array cannot be allocated
      Given the minifilter registers a FLT_FILE_CONTEXT definition of 64 bytes
      When the minifilter allocates a FLT_STREAM_CONTEXT of 64 bytes from PagedPool
      Then FltAllocateContext returns STATUS_FLT_CONTEXT_ALLOCATION_NOT_FOUND
      And no context is handed back

    Scenario: REG-001 without a registration array no type can be allocated
      Given the minifilter registers no context definitions
      When the minifilter allocates a FLT_INSTANCE_CONTEXT of 64 bytes from NonPagedPool
      Then FltAllocateContext returns STATUS_FLT_CONTEXT_ALLOCATION_NOT_FOUND
      And no context is handed back

  @caller-contract @windows:all
  Rule: REG-002 The array must end with FLT_CONTEXT_END
    Source: "Registering context types", Steps to register a context type ("the last element in the array must be {FLT_CONTEXT_END}") — https://learn.microsoft.com/en-us/windows-hardware/drivers/ifs/registering-context-types
    An array without its terminator makes the filter manager read past its end; what then happens is undefined, so the kit records the answer.
    Kit reading: unlike the other limits of the array (REG-016 to REG-019), this one cannot be demanded of the filter manager: it finds the end of the array only by the terminator, so without one it reads whatever memory follows and cannot know it was given a malformed array.

    Scenario: REG-002 an array without FLT_CONTEXT_END
      Given the minifilter registers these context definitions without the FLT_CONTEXT_END terminator:
        | type             | size |
        | FLT_FILE_CONTEXT | 64   |
      Then the kit records what FltRegisterFilter returned

  @must @windows:all
  Rule: REG-003 The order of the definitions in the array does not matter
    Source: "Registering context types", Steps to register a context type (the order of the elements in the array does not matter) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ifs/registering-context-types
    The same definitions listed in any order choose the same definition for every request. A status and a portion size do not tell which definition served (a variable-size definition also hands back exactly the size asked for), so the kit proves it: the portion, whether the context came straight from pool (as only the variable-size definition serves), and whether releasing it ran the cleanup routine that only one of the definitions has.

    @needs:no-exact-size-match @needs:context-inspection
    Scenario Outline: REG-003 three file context sizes listed <first>, <second>, <third> serve requests alike
      Given the minifilter registers these context definitions:
        | type             | size     | flags               |
        | FLT_FILE_CONTEXT | <first>  | NO_EXACT_SIZE_MATCH |
        | FLT_FILE_CONTEXT | <second> | NO_EXACT_SIZE_MATCH |
        | FLT_FILE_CONTEXT | <third>  | NO_EXACT_SIZE_MATCH |
      Then allocations of FLT_FILE_CONTEXT from PagedPool go as follows:
        | request | status                                  | portion |
        | 16      | STATUS_SUCCESS                          | 32      |
        | 40      | STATUS_SUCCESS                          | 64      |
        | 64      | STATUS_SUCCESS                          | 64      |
        | 100     | STATUS_SUCCESS                          | 128     |
        | 129     | STATUS_FLT_CONTEXT_ALLOCATION_NOT_FOUND | -       |

      Examples: every order of the three sizes
        | first | second | third |
        | 32    | 64     | 128   |
        | 32    | 128    | 64    |
        | 64    | 32     | 128   |
        | 64    | 128    | 32    |
        | 128   | 32     | 64    |
        | 128   | 64     | 32    |

    @needs:variable-size @needs:context-inspection @needs:callback-events
    Scenario Outline: REG-003 an exact 64-byte definition and a variable-size one, the variable-size one listed <order>, each serve their own requests
      Given the minifilter registers these context definitions:
        | type               | size     | callbacks          |
        | FLT_STREAM_CONTEXT | <first>  | <first-callbacks>  |
        | FLT_STREAM_CONTEXT | <second> | <second-callbacks> |
      Then allocations of FLT_STREAM_CONTEXT from PagedPool go as follows:
        | request | status         | portion | origin | cleanup |
        | 64      | STATUS_SUCCESS | 64      | -      | once    |
        | 40      | STATUS_SUCCESS | 40      | pool   | none    |
        | 500     | STATUS_SUCCESS | 500     | pool   | none    |

      Examples: the 64-byte definition has the cleanup routine
        | order | first                       | first-callbacks | second                      | second-callbacks |
        | first | FLT_VARIABLE_SIZED_CONTEXTS | none            | 64                          | cleanup          |
        | last  | 64                          | cleanup         | FLT_VARIABLE_SIZED_CONTEXTS | none             |

    @needs:variable-size @needs:no-exact-size-match @needs:context-inspection @needs:callback-events
    Scenario Outline: REG-003 a 64-byte NO_EXACT_SIZE_MATCH definition and a variable-size one, the variable-size one listed <order>, each serve their own requests
      Given the minifilter registers these context definitions:
        | type               | size     | flags          | callbacks          |
        | FLT_STREAM_CONTEXT | <first>  | <first-flags>  | <first-callbacks>  |
        | FLT_STREAM_CONTEXT | <second> | <second-flags> | <second-callbacks> |
      Then allocations of FLT_STREAM_CONTEXT from PagedPool go as follows:
        | request | status         | portion | origin | cleanup |
        | 1       | STATUS_SUCCESS | 64      | -      | once    |
        | 40      | STATUS_SUCCESS | 64      | -      | once    |
        | 64      | STATUS_SUCCESS | 64      | -      | once    |
        | 65      | STATUS_SUCCESS | 65      | pool   | none    |

      Examples: the 64-byte definition has the cleanup routine
        | order | first                       | first-flags         | first-callbacks | second                      | second-flags        | second-callbacks |
        | first | FLT_VARIABLE_SIZED_CONTEXTS | 0                   | none            | 64                          | NO_EXACT_SIZE_MATCH | cleanup          |
        | last  | 64                          | NO_EXACT_SIZE_MATCH | cleanup         | FLT_VARIABLE_SIZED_CONTEXTS | 0                   | none             |

  @must @windows:all
  Rule: REG-004 A fixed-size definition's Size is the minifilter's portion, from 0 up to MAXUSHORT
    Source: "Registering context types", Steps to register a context type, fixed-size bullet (Size is the size in bytes of the minifilter's portion; the maximum is MAXUSHORT (64 KB); "Zero is a valid size value") — https://learn.microsoft.com/en-us/windows-hardware/drivers/ifs/registering-context-types

    Scenario: REG-004 a 0-byte fixed-size definition is accepted
      Given the minifilter registers a FLT_STREAMHANDLE_CONTEXT definition of 0 bytes
      Then FltRegisterFilter returns STATUS_SUCCESS

    @needs:context-inspection @needs:context-memory
    Scenario Outline: REG-004 a <size>-byte fixed-size definition gives a <size>-byte minifilter portion
      Given the minifilter registers a FLT_FILE_CONTEXT definition of <size> bytes
      When the minifilter allocates a FLT_FILE_CONTEXT of <size> bytes from PagedPool as "context"
      Then the returned context has a minifilter portion of <size> bytes
      And every byte of "context" can be written and read back

      Examples:
        | size  |
        | 1     |
        | 64    |
        | 65535 |

    @needs:context-memory
    Scenario: REG-004 three contexts of one definition alive at once each have a portion of their own
      Given the minifilter registers a FLT_FILE_CONTEXT definition of 64 bytes
      When the minifilter allocates a FLT_FILE_CONTEXT of 64 bytes from PagedPool as "A"
      And the minifilter allocates a FLT_FILE_CONTEXT of 64 bytes from PagedPool as "B"
      And the minifilter allocates a FLT_FILE_CONTEXT of 64 bytes from PagedPool as "C"
      Then "A", "B" and "C" each hold their own bytes

  @must @windows:all
  Rule: REG-016 A fixed-size definition above MAXUSHORT is not registered
    Source: "Registering context types", Steps to register a context type, fixed-size bullet (the maximum size of a context is MAXUSHORT (64 KB)) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ifs/registering-context-types
    Ambiguity: the page states the limit but no status for breaking it, and neither do the FLT_CONTEXT_REGISTRATION and FltRegisterFilter pages.
    Kit reading: a registered definition above the maximum size would be a context size the documents say cannot exist, so FltRegisterFilter must not succeed: any failure status (recorded), and no filter handed back. This replaces REG-005, which only recorded the answer.

    Scenario Outline: REG-016 a <size>-byte fixed-size definition with flags <flags> is refused
      Given the minifilter registers these context definitions:
        | type             | size   | flags   |
        | FLT_FILE_CONTEXT | <size> | <flags> |
      Then FltRegisterFilter fails and hands back no filter
      And the kit records what FltRegisterFilter returned

      Examples:
        | size               | flags |
        | 65536              | 0     |
        | 1048576            | 0     |
        | 0xFFFFFFFF         | 0     |
        | 0xFFFFFFFFFFFFFFFE | 0     |

      @needs:no-exact-size-match
      Examples:
        | size  | flags               |
        | 65536 | NO_EXACT_SIZE_MATCH |

  @must @windows:all
  Rule: REG-006 A FLT_VARIABLE_SIZED_CONTEXTS definition serves any size straight from pool
    Source: "Registering context types", Steps to register a context type, variable-size bullet (Size must be FLT_VARIABLE_SIZED_CONTEXTS; such contexts come straight from paged or nonpaged pool) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ifs/registering-context-types

    @needs:variable-size @needs:context-inspection
    Scenario Outline: REG-006 a <size>-byte request from <pool> against a variable-size definition
      Given the minifilter registers a variable-size FLT_STREAM_CONTEXT definition
      When the minifilter allocates a FLT_STREAM_CONTEXT of <size> bytes from <pool>
      Then FltAllocateContext returns STATUS_SUCCESS
      And the returned context has a minifilter portion of <size> bytes
      And the returned context came straight from pool

      Examples:
        | size  | pool         |
        | 1     | PagedPool    |
        | 333   | NonPagedPool |
        | 4096  | PagedPool    |
        | 65535 | NonPagedPool |

  @must @windows:all
  Rule: REG-007 Without NO_EXACT_SIZE_MATCH a fixed-size definition serves only its exact size
    Source: "Registering context types", Steps to register a context type, NO_EXACT_SIZE_MATCH paragraph (otherwise the context's size must equal the requested size) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ifs/registering-context-types
    Ambiguity: the FltAllocateContext page (Parameters > ContextSize) says a fixed-size ContextSize must be "less than or equal to" the registered Size, which reads as if smaller requests were served without the flag.
    Kit reading: the registration page describes the selection itself and names the flag that allows a smaller request, so without the flag only an exact match is served (one observed Windows build agrees).

    Scenario Outline: REG-007 a <request>-byte request against a 64-byte definition without the flag gives <status>
      Given the minifilter registers a FLT_FILE_CONTEXT definition of 64 bytes
      When the minifilter allocates a FLT_FILE_CONTEXT of <request> bytes from PagedPool
      Then FltAllocateContext returns <status>

      Examples:
        | request | status                                  |
        | 1       | STATUS_FLT_CONTEXT_ALLOCATION_NOT_FOUND |
        | 63      | STATUS_FLT_CONTEXT_ALLOCATION_NOT_FOUND |
        | 64      | STATUS_SUCCESS                          |
        | 65      | STATUS_FLT_CONTEXT_ALLOCATION_NOT_FOUND |

    @needs:context-inspection
    Scenario: REG-007 with several sizes each request finds only its own size
      Given the minifilter registers these context definitions:
        | type                 | size |
        | FLT_INSTANCE_CONTEXT | 32   |
        | FLT_INSTANCE_CONTEXT | 96   |
      Then allocations of FLT_INSTANCE_CONTEXT from NonPagedPool go as follows:
        | request | status                                  | portion |
        | 32      | STATUS_SUCCESS                          | 32      |
        | 96      | STATUS_SUCCESS                          | 96      |
        | 31      | STATUS_FLT_CONTEXT_ALLOCATION_NOT_FOUND | -       |
        | 64      | STATUS_FLT_CONTEXT_ALLOCATION_NOT_FOUND | -       |

  @must @windows:all
  Rule: REG-008 With NO_EXACT_SIZE_MATCH the smallest registered size that holds the request serves it
    Source: "Registering context types", Steps to register a context type, NO_EXACT_SIZE_MATCH paragraph (with the flag a lookaside context whose size is greater than or equal to the request may serve it) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ifs/registering-context-types; smallest fit: the comments of the WDK header fltKernel.h (a type's fixed sizes are kept in ascending order)

    @needs:no-exact-size-match @needs:context-inspection
    Scenario: REG-008 requests between the registered sizes round up to the next size
      Given the minifilter registers these context definitions:
        | type               | size | flags               |
        | FLT_STREAM_CONTEXT | 16   | NO_EXACT_SIZE_MATCH |
        | FLT_STREAM_CONTEXT | 256  | NO_EXACT_SIZE_MATCH |
        | FLT_STREAM_CONTEXT | 4096 | NO_EXACT_SIZE_MATCH |
      Then allocations of FLT_STREAM_CONTEXT from PagedPool go as follows:
        | request | status                                  | portion |
        | 1       | STATUS_SUCCESS                          | 16      |
        | 16      | STATUS_SUCCESS                          | 16      |
        | 17      | STATUS_SUCCESS                          | 256     |
        | 256     | STATUS_SUCCESS                          | 256     |
        | 257     | STATUS_SUCCESS                          | 4096    |
        | 4096    | STATUS_SUCCESS                          | 4096    |
        | 4097    | STATUS_FLT_CONTEXT_ALLOCATION_NOT_FOUND | -       |

  @must @windows:all
  Rule: REG-009 A type may have three fixed-size definitions of different sizes plus one variable-size definition
    Source: "Registering context types", Steps to register a context type, last paragraph (up to three fixed-size definitions, each of a different size, and one variable-size definition per type) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ifs/registering-context-types
    The variable-size definition is the one without a cleanup routine, so each row shows which definition served it.

    @needs:variable-size @needs:context-inspection @needs:callback-events
    Scenario: REG-009 three fixed sizes and a variable-size definition are registered and each serves
      Given the minifilter registers these context definitions:
        | type             | size                        | callbacks |
        | FLT_FILE_CONTEXT | 24                          | cleanup   |
        | FLT_FILE_CONTEXT | 48                          | cleanup   |
        | FLT_FILE_CONTEXT | FLT_VARIABLE_SIZED_CONTEXTS | none      |
        | FLT_FILE_CONTEXT | 96                          | cleanup   |
      Then FltRegisterFilter returns STATUS_SUCCESS
      And allocations of FLT_FILE_CONTEXT from PagedPool go as follows:
        | request | status         | portion | origin | cleanup |
        | 24      | STATUS_SUCCESS | 24      | -      | once    |
        | 48      | STATUS_SUCCESS | 48      | -      | once    |
        | 96      | STATUS_SUCCESS | 96      | -      | once    |
        | 50      | STATUS_SUCCESS | 50      | pool   | none    |

    Scenario: REG-009 three fixed sizes for each of two types are registered
      Given the minifilter registers these context definitions:
        | type                 | size |
        | FLT_FILE_CONTEXT     | 24   |
        | FLT_INSTANCE_CONTEXT | 24   |
        | FLT_FILE_CONTEXT     | 48   |
        | FLT_INSTANCE_CONTEXT | 48   |
        | FLT_FILE_CONTEXT     | 96   |
        | FLT_INSTANCE_CONTEXT | 96   |
      Then FltRegisterFilter returns STATUS_SUCCESS

  @must @windows:all
  Rule: REG-017 A fourth fixed size for one type is not registered
    Source: "Registering context types", Steps to register a context type, last paragraph (up to three fixed-size definitions, each of a different size, and one variable-size definition per type) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ifs/registering-context-types
    Ambiguity: FltRegisterFilter's page lists no status for context registration; STATUS_FLT_INVALID_CONTEXT_REGISTRATION exists but no page ties it to this case.
    Kit reading: a type with four fixed sizes is a state the documents say cannot exist, so FltRegisterFilter must not succeed: any failure status (recorded), and no filter handed back. (Silently keeping three of the four would make allocations of the dropped size fail although the minifilter registered it.) This replaces part of REG-010, which only recorded the answer.

    Scenario: REG-017 four fixed sizes for one type are refused
      Given the minifilter registers these context definitions:
        | type             | size |
        | FLT_FILE_CONTEXT | 24   |
        | FLT_FILE_CONTEXT | 48   |
        | FLT_FILE_CONTEXT | 96   |
        | FLT_FILE_CONTEXT | 192  |
      Then FltRegisterFilter fails and hands back no filter
      And the kit records what FltRegisterFilter returned

    @needs:variable-size
    Scenario: REG-017 four fixed sizes listed around a variable-size definition are refused
      Given the minifilter registers these context definitions:
        | type             | size                        |
        | FLT_FILE_CONTEXT | 192                         |
        | FLT_FILE_CONTEXT | 96                          |
        | FLT_FILE_CONTEXT | FLT_VARIABLE_SIZED_CONTEXTS |
        | FLT_FILE_CONTEXT | 48                          |
        | FLT_FILE_CONTEXT | 24                          |
      Then FltRegisterFilter fails and hands back no filter
      And the kit records what FltRegisterFilter returned

  @must @windows:all
  Rule: REG-018 Two definitions of one type and size are refused, or only the first is used
    Source: "Registering context types", Steps to register a context type, last paragraph (fixed-size definitions each of a different size, and one variable-size definition per type) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ifs/registering-context-types; "FLT_CONTEXT_REGISTRATION structure (fltkernel.h)", Remarks (of identical entries only the first is used and the rest are ignored) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/ns-fltkernel-_flt_context_registration
    Ambiguity: the registration page allows one definition per size and one variable-size definition per type, but the structure's page says what happens to identical entries without saying what "identical" means: the whole entry, or the same type and size.
    Kit reading: both readings rule out that the second definition serves. Read as whole entries, two definitions that differ (here in their cleanup routine and tag) break the one-per-size limit and the array must be refused (a failure status, no filter); read as type and size, they are identical and only the first is used. So either the array is refused, or the first definition serves: releasing the context runs the cleanup routine exactly when the first definition has one. This replaces part of REG-010, which only recorded the answer.

    @needs:callback-events
    Scenario Outline: REG-018 two <kind> file context definitions of one size, the cleanup routine on the <which> one
      Given the minifilter registers these context definitions:
        | type             | size   | callbacks         | tag  |
        | FLT_FILE_CONTEXT | <size> | <first-callbacks> | KtAa |
        | FLT_FILE_CONTEXT | <size> | <last-callbacks>  | KtBb |
      Then FltRegisterFilter either fails and hands back no filter, or the first FLT_FILE_CONTEXT definition serves 48 bytes from PagedPool

      Examples:
        | kind       | size | which  | first-callbacks | last-callbacks |
        | fixed-size | 48   | first  | cleanup         | none           |
        | fixed-size | 48   | second | none            | cleanup        |

      @needs:variable-size
      Examples:
        | kind          | size                        | which  | first-callbacks | last-callbacks |
        | variable-size | FLT_VARIABLE_SIZED_CONTEXTS | first  | cleanup         | none           |
        | variable-size | FLT_VARIABLE_SIZED_CONTEXTS | second | none            | cleanup        |

  @must @windows:all
  Rule: REG-019 A definition with an allocate routine is its type's only definition
    Source: "FLT_CONTEXT_REGISTRATION structure (fltkernel.h)", Remarks (when an entry of a context type has a ContextAllocateCallback, no other entry may be given for that type) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/ns-fltkernel-_flt_context_registration
    Ambiguity: the page says what may not be registered but no status for it, and FltRegisterFilter's page lists none.
    Kit reading: the filter manager cannot both call the minifilter's allocate routine for every context of the type and serve some from its own lookaside lists or pool, so an array with another definition beside the routine's must not succeed, whichever comes first: any failure status (recorded), and no filter handed back. Definitions of other types beside it are registered as usual.

    @needs:allocate-callback
    Scenario Outline: REG-019 a file context definition with allocate and free routines listed <order> a <other> one is refused
      Given the minifilter registers these context definitions:
        | type             | size          | callbacks          |
        | FLT_FILE_CONTEXT | <first-size>  | <first-callbacks>  |
        | FLT_FILE_CONTEXT | <second-size> | <second-callbacks> |
      Then FltRegisterFilter fails and hands back no filter
      And the kit records what FltRegisterFilter returned

      Examples:
        | order  | other                                 | first-size | first-callbacks | second-size | second-callbacks |
        | before | fixed-size                            | 0          | allocate+free   | 64          | none             |
        | after  | fixed-size                            | 64         | none            | 0           | allocate+free    |
        | before | second allocate and free routines     | 0          | allocate+free   | 64          | allocate+free    |

      @needs:variable-size
      Examples:
        | order  | other         | first-size                  | first-callbacks | second-size                 | second-callbacks |
        | before | variable-size | 0                           | allocate+free   | FLT_VARIABLE_SIZED_CONTEXTS | none             |
        | after  | variable-size | FLT_VARIABLE_SIZED_CONTEXTS | none            | 0                           | allocate+free    |

    @needs:allocate-callback @needs:callback-events
    Scenario Outline: REG-019 allocate and free routines for file contexts beside a fixed-size stream context definition, listed <order>
      Given the minifilter registers these context definitions:
        | type   | size          | callbacks          |
        | <first>  | <first-size>  | <first-callbacks>  |
        | <second> | <second-size> | <second-callbacks> |
      Then FltRegisterFilter returns STATUS_SUCCESS
      When the minifilter allocates a FLT_STREAM_CONTEXT of 64 bytes from PagedPool
      Then FltAllocateContext returns STATUS_SUCCESS
      And the allocate callback has not been called
      When the minifilter allocates a FLT_FILE_CONTEXT of 64 bytes from PagedPool
      Then FltAllocateContext returns STATUS_SUCCESS
      And the allocate callback was called once
      And the allocate callback was asked for a FLT_FILE_CONTEXT

      Examples:
        | order                | first              | first-size | first-callbacks | second             | second-size | second-callbacks |
        | routines first       | FLT_FILE_CONTEXT   | 0          | allocate+free   | FLT_STREAM_CONTEXT | 64          | none             |
        | routines last        | FLT_STREAM_CONTEXT | 64         | none            | FLT_FILE_CONTEXT   | 0           | allocate+free    |

  @must @windows:all
  Rule: REG-020 A definition of a value that is no context type does not make that value a context type
    Source: "FLT_CONTEXT_REGISTRATION structure (fltkernel.h)", Members > ContextType (one of the listed context types) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/ns-fltkernel-_flt_context_registration; "FltAllocateContext function (fltkernel.h)", Return value (STATUS_INVALID_PARAMETER: an invalid ContextType) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltallocatecontext
    Ambiguity: no page says what FltRegisterFilter does with such an entry: it may refuse the array or pass over the entry (one open-source implementation skips unknown types silently).
    Kit reading: either the array is refused (a failure status, no filter handed back), or it is registered and FltAllocateContext still refuses the value as it refuses every invalid ContextType (ALLOC-006: STATUS_INVALID_PARAMETER or STATUS_NOT_SUPPORTED, nothing handed back).

    Scenario Outline: REG-020 a definition of type <value> (<why>)
      Given the minifilter registers these context definitions:
        | type    | size |
        | <value> | 64   |
      Then FltRegisterFilter either fails and hands back no filter, or a context of type <value> still cannot be allocated

      Examples:
        | value  | why                                                  |
        | 0x0000 | no type bit                                          |
        | 0x0006 | two types at once (instance and file)                |
        | 0x0080 | beyond the last type                                 |
        | 0xFFFF | FLT_CONTEXT_END, where a filter manager stops reading |

  @must @windows:all
  Rule: REG-021 Identical definitions are registered, and only the first is used
    Source: "FLT_CONTEXT_REGISTRATION structure (fltkernel.h)", Remarks (if two or more identical entries are given, only the first is used and the rest are ignored) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/ns-fltkernel-_flt_context_registration
    An identical entry is ignored, not an error, and it does not count against the per-type limits of REG-009.

    @needs:callback-events
    Scenario Outline: REG-021 a <kind> file context definition listed twice serves once
      Given the minifilter registers these context definitions:
        | type             | size   | callbacks |
        | FLT_FILE_CONTEXT | <size> | cleanup   |
        | FLT_FILE_CONTEXT | <size> | cleanup   |
      Then FltRegisterFilter returns STATUS_SUCCESS
      And allocations of FLT_FILE_CONTEXT from PagedPool go as follows:
        | request | status         | cleanup |
        | 48      | STATUS_SUCCESS | once    |

      Examples:
        | kind       | size |
        | fixed-size | 48   |

      @needs:variable-size
      Examples:
        | kind          | size                        |
        | variable-size | FLT_VARIABLE_SIZED_CONTEXTS |

    Scenario: REG-021 three fixed sizes, one of them listed twice, are registered
      Given the minifilter registers these context definitions:
        | type               | size |
        | FLT_STREAM_CONTEXT | 24   |
        | FLT_STREAM_CONTEXT | 48   |
        | FLT_STREAM_CONTEXT | 24   |
        | FLT_STREAM_CONTEXT | 96   |
      Then FltRegisterFilter returns STATUS_SUCCESS
      And allocations of FLT_STREAM_CONTEXT from PagedPool go as follows:
        | request | status         |
        | 24      | STATUS_SUCCESS |
        | 48      | STATUS_SUCCESS |
        | 96      | STATUS_SUCCESS |

  @must @windows:all
  Rule: REG-022 A definition with allocate and free routines is registered whatever its Size, and serves any ContextSize
    Source: "FLT_CONTEXT_REGISTRATION structure (fltkernel.h)", Members > ContextAllocateCallback and ContextFreeCallback (when not NULL, the Size and PoolTag members are ignored) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/ns-fltkernel-_flt_context_registration
    Size means nothing to a definition whose routines do the allocating: no Size makes FltRegisterFilter refuse it, not one above MAXUSHORT, and a request larger than Size is still served by the routines.

    @needs:allocate-callback @needs:callback-events
    Scenario Outline: REG-022 an allocate-routine file context definition of Size <size> serves a 64-byte request
      Given the minifilter registers these context definitions:
        | type             | size   | callbacks     |
        | FLT_FILE_CONTEXT | <size> | allocate+free |
      Then FltRegisterFilter returns STATUS_SUCCESS
      When the minifilter allocates a FLT_FILE_CONTEXT of 64 bytes from PagedPool
      Then FltAllocateContext returns STATUS_SUCCESS
      And the allocate callback was called once

      Examples:
        | size   |
        | 16     |
        | 65536  |
        | 131072 |

  @impl-defined @windows:all
  Rule: REG-011 Which lookaside list or pool serves a fixed-size context is the implementation's choice
    Source: "Registering context types", Steps to register a context type, fixed-size bullet (the filter manager implements fixed-size contexts with lookaside lists) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ifs/registering-context-types
    One observed Windows build serves NonPagedPool fixed-size contexts straight from pool and uses its lookaside lists only for PagedPool and NonPagedPoolNx, so the kit records the origin rather than demand a list.

    @needs:context-inspection
    Scenario Outline: REG-011 a fixed-size file context from <pool>
      Given the minifilter registers a FLT_FILE_CONTEXT definition of 64 bytes
      When the minifilter allocates a FLT_FILE_CONTEXT of 64 bytes from <pool>
      Then FltAllocateContext returns STATUS_SUCCESS
      And the kit records where the returned context came from

      Examples:
        | pool         |
        | PagedPool    |
        | NonPagedPool |

  @untestable @windows:all
  Rule: REG-012 The filter manager creates two lookaside lists, one paged and one nonpaged, for each size
    Source: "Registering context types", Steps to register a context type, fixed-size bullet (two lookaside lists for each size value: one paged and one nonpaged) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ifs/registering-context-types

    Scenario: REG-012 the lookaside lists behind each registered size
      * the kit cannot observe this: lookaside lists are internal to the filter manager; no routine of the API creates, names or counts them, and a list that exists but is bypassed (as the observed build does for NonPagedPool) looks the same from outside as one that does not exist

  @must @windows:all
  Rule: REG-013 The CTX sample's registration array is accepted as it is
    Source: "Registering context types", Context registration code example (the CTX sample's FLT_CONTEXT_REGISTRATION array) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ifs/registering-context-types; sizes (worked out for x64) and tags from the CTX sample in microsoft/Windows-driver-samples, filesys/miniFilter/ctx/CtxStruc.h — https://github.com/microsoft/Windows-driver-samples/tree/main/filesys/miniFilter/ctx

    Scenario: REG-013 instance, file, stream and stream-handle definitions with one cleanup routine
      Given the minifilter registers these context definitions:
        | type                     | size | callbacks | tag  |
        | FLT_INSTANCE_CONTEXT     | 32   | cleanup   | CxIc |
        | FLT_FILE_CONTEXT         | 16   | cleanup   | CxFc |
        | FLT_STREAM_CONTEXT       | 40   | cleanup   | CxSc |
        | FLT_STREAMHANDLE_CONTEXT | 24   | cleanup   | CxHc |
      Then FltRegisterFilter returns STATUS_SUCCESS
      And allocations of FLT_INSTANCE_CONTEXT from NonPagedPool go as follows:
        | request | status         |
        | 32      | STATUS_SUCCESS |
      And allocations of FLT_FILE_CONTEXT from PagedPool go as follows:
        | request | status         |
        | 16      | STATUS_SUCCESS |
      And allocations of FLT_STREAM_CONTEXT from PagedPool go as follows:
        | request | status         |
        | 40      | STATUS_SUCCESS |
      And allocations of FLT_STREAMHANDLE_CONTEXT from PagedPool go as follows:
        | request | status         |
        | 24      | STATUS_SUCCESS |

  @must @windows:all
  Rule: REG-014 The cleanup routine registered for a type runs before a context of that type is freed
    Source: "Registering context types", Minifilter callback routines for context management (PFLT_CONTEXT_CLEANUP_CALLBACK: called before the context is freed) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ifs/registering-context-types
    The life cycle around it (when the last reference goes, IRQL, order with the free routine) belongs to the context life cycle features.

    @needs:callback-events
    Scenario: REG-014 releasing the only reference runs the cleanup routine once
      Given the minifilter registers these context definitions:
        | type             | size | callbacks |
        | FLT_FILE_CONTEXT | 64   | cleanup   |
      When the minifilter allocates a FLT_FILE_CONTEXT of 64 bytes from PagedPool as "context"
      Then the cleanup callback has not run for "context"
      When the minifilter releases "context"
      Then the cleanup callback ran once for "context" as a FLT_FILE_CONTEXT

  @must @windows:all
  Rule: REG-015 The free routine frees a context the minifilter's allocate routine allocated
    Source: "Registering context types", Minifilter callback routines for context management (PFLT_CONTEXT_FREE_CALLBACK: the minifilter frees its contexts itself instead of the filter manager) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ifs/registering-context-types

    @needs:allocate-callback @needs:callback-events
    Scenario: REG-015 releasing the only reference hands the allocated block to the free routine
      Given the minifilter registers these context definitions:
        | type               | size | callbacks     |
        | FLT_STREAM_CONTEXT | 0    | allocate+free |
      When the minifilter allocates a FLT_STREAM_CONTEXT of 64 bytes from PagedPool as "context"
      And the minifilter releases "context"
      Then the free callback got the block the allocate callback returned for "context"
