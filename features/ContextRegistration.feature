# Rules of context registration (FLT_CONTEXT_REGISTRATION arrays passed to FltRegisterFilter), from
# the conceptual Learn page "Registering context types". See the conventions at the top of
# FltAllocateContext.feature.
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

    Scenario: REG-001 without a registration array no type can be allocated
      Given the minifilter registers no context definitions
      When the minifilter allocates a FLT_INSTANCE_CONTEXT of 64 bytes from NonPagedPool
      Then FltAllocateContext returns STATUS_FLT_CONTEXT_ALLOCATION_NOT_FOUND

  @caller-contract @windows:all
  Rule: REG-002 The array must end with FLT_CONTEXT_END
    Source: "Registering context types", Steps to register a context type ("the last element in the array must be {FLT_CONTEXT_END}") — https://learn.microsoft.com/en-us/windows-hardware/drivers/ifs/registering-context-types
    An array without its terminator makes the filter manager read past its end; what then happens is undefined, so the kit records the answer.

    Scenario: REG-002 an array without FLT_CONTEXT_END
      Given the minifilter registers these context definitions without the FLT_CONTEXT_END terminator:
        | type             | size |
        | FLT_FILE_CONTEXT | 64   |
      Then the kit records what FltRegisterFilter returned

  @must @windows:all
  Rule: REG-003 The order of the definitions in the array does not matter
    Source: "Registering context types", Steps to register a context type (the order of the elements in the array does not matter) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ifs/registering-context-types
    The same definitions listed in any order choose the same definition for every request.

    @needs:no-exact-size-match @needs:context-inspection
    Scenario Outline: REG-003 three file context sizes listed <order> serve requests alike
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

      Examples:
        | order                 | first | second | third |
        | smallest first        | 32    | 64     | 128   |
        | largest first         | 128   | 64     | 32    |
        | largest in the middle | 64    | 128    | 32    |

    @needs:variable-size @needs:context-inspection
    Scenario Outline: REG-003 a variable-size definition listed <order> is still the last resort
      Given the minifilter registers these context definitions:
        | type               | size     |
        | FLT_STREAM_CONTEXT | <first>  |
        | FLT_STREAM_CONTEXT | <second> |
      Then allocations of FLT_STREAM_CONTEXT from PagedPool go as follows:
        | request | status         | portion |
        | 64      | STATUS_SUCCESS | 64      |
        | 40      | STATUS_SUCCESS | 40      |
        | 500     | STATUS_SUCCESS | 500     |

      Examples:
        | order  | first                       | second                      |
        | first  | FLT_VARIABLE_SIZED_CONTEXTS | 64                          |
        | last   | 64                          | FLT_VARIABLE_SIZED_CONTEXTS |

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

  @caller-contract @windows:all
  Rule: REG-005 A fixed-size definition above MAXUSHORT is the minifilter's mistake
    Source: "Registering context types", Steps to register a context type, fixed-size bullet (the maximum size of a context is MAXUSHORT) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ifs/registering-context-types
    The page states the limit but no status for breaking it, and neither do the FLT_CONTEXT_REGISTRATION and FltRegisterFilter pages: the kit records the answer.

    Scenario: REG-005 a 65536-byte fixed-size definition
      Given the minifilter registers a FLT_FILE_CONTEXT definition of 65536 bytes
      Then the kit records what FltRegisterFilter returned

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

    @needs:variable-size @needs:context-inspection
    Scenario: REG-009 three fixed sizes and a variable-size definition are registered and each serves
      Given the minifilter registers these context definitions:
        | type             | size                        |
        | FLT_FILE_CONTEXT | 24                          |
        | FLT_FILE_CONTEXT | 48                          |
        | FLT_FILE_CONTEXT | FLT_VARIABLE_SIZED_CONTEXTS |
        | FLT_FILE_CONTEXT | 96                          |
      Then FltRegisterFilter returns STATUS_SUCCESS
      And allocations of FLT_FILE_CONTEXT from PagedPool go as follows:
        | request | status         | portion |
        | 24      | STATUS_SUCCESS | 24      |
        | 48      | STATUS_SUCCESS | 48      |
        | 96      | STATUS_SUCCESS | 96      |
        | 50      | STATUS_SUCCESS | 50      |

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

  @caller-contract @windows:all
  Rule: REG-010 More definitions for a type than the limit allow is the minifilter's mistake
    Source: "Registering context types", Steps to register a context type, last paragraph (at most three fixed sizes, each different, and one variable-size definition) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ifs/registering-context-types
    FltRegisterFilter's answer to an array beyond the limit is not documented (its page lists no status for context registration; STATUS_FLT_INVALID_CONTEXT_REGISTRATION is only plausible): the kit records it.

    Scenario: REG-010 a fourth fixed size for one type
      Given the minifilter registers these context definitions:
        | type             | size |
        | FLT_FILE_CONTEXT | 24   |
        | FLT_FILE_CONTEXT | 48   |
        | FLT_FILE_CONTEXT | 96   |
        | FLT_FILE_CONTEXT | 192  |
      Then the kit records what FltRegisterFilter returned

    Scenario: REG-010 two fixed definitions of the same size for one type
      Given the minifilter registers these context definitions:
        | type             | size | tag  |
        | FLT_FILE_CONTEXT | 48   | KtAa |
        | FLT_FILE_CONTEXT | 48   | KtBb |
      Then the kit records what FltRegisterFilter returned

    Scenario: REG-010 two variable-size definitions for one type
      Given the minifilter registers these context definitions:
        | type             | size                        | tag  |
        | FLT_FILE_CONTEXT | FLT_VARIABLE_SIZED_CONTEXTS | KtAa |
        | FLT_FILE_CONTEXT | FLT_VARIABLE_SIZED_CONTEXTS | KtBb |
      Then the kit records what FltRegisterFilter returned

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
