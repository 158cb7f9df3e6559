# Rules of FltAllocateContext, from its reference page on Microsoft Learn, "FltAllocateContext function (fltkernel.h)".
# Conventions of every feature file in this kit (see README, "Reading a feature"):
#   - one Rule per documented rule; its title starts with the rule's stable ID, and so does every
#     scenario name of the rule;
#   - the Rule's tags give its level (@must, @impl-defined, @caller-contract, @untestable) and its
#     Windows range (@windows:all, @windows:win8+, @windows:vista..win10);
#   - @needs:<capability> marks scenarios that need an optional part of the SPI;
#   - the Rule's description starts with "Source:" (the Microsoft Learn page's title, the section and
#     the page's address) and may add "Ambiguity:" and "Kit reading:" lines where the documents disagree.
# Retired rule IDs (never reused): ALLOC-005 (recorded what a section context did before Windows 8, which
# contradicted ALLOC-006; now ALLOC-020, which demands that 0x0040 is refused there like every invalid type).
Feature: FltAllocateContext

  @must @windows:all
  Rule: ALLOC-001 A successful allocation hands back a context with a reference count of 1
    Source: "FltAllocateContext function (fltkernel.h)", Remarks (on success the returned context has a reference count of 1) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltallocatecontext

    @needs:context-inspection
    Scenario: ALLOC-001 a registered fixed-size file context comes back referenced once
      Given the minifilter registers a FLT_FILE_CONTEXT definition of 64 bytes
      When the minifilter allocates a FLT_FILE_CONTEXT of 64 bytes from PagedPool
      Then FltAllocateContext returns STATUS_SUCCESS
      And the returned context has a reference count of 1

    @needs:context-inspection @needs:variable-size
    Scenario: ALLOC-001 a variable-size stream context comes back referenced once
      Given the minifilter registers a variable-size FLT_STREAM_CONTEXT definition
      When the minifilter allocates a FLT_STREAM_CONTEXT of 300 bytes from NonPagedPool
      Then FltAllocateContext returns STATUS_SUCCESS
      And the returned context has a reference count of 1

    @needs:context-inspection @needs:allocate-callback
    Scenario: ALLOC-001 a context from the minifilter's allocate callback comes back referenced once
      Given the minifilter registers these context definitions:
        | type             | size | callbacks     |
        | FLT_FILE_CONTEXT | 0    | allocate+free |
      When the minifilter allocates a FLT_FILE_CONTEXT of 48 bytes from PagedPool
      Then FltAllocateContext returns STATUS_SUCCESS
      And the returned context has a reference count of 1

    @needs:context-inspection
    Scenario Outline: ALLOC-001 a <kind> context in the memory of a released one comes back referenced once
      Given the minifilter registers these context definitions:
        | type             | size   | callbacks   |
        | FLT_FILE_CONTEXT | <size> | <callbacks> |
      When the minifilter allocates a FLT_FILE_CONTEXT of 64 bytes from PagedPool as "first"
      And the minifilter releases "first"
      And the minifilter allocates FLT_FILE_CONTEXT of 64 bytes from PagedPool until the memory of "first" comes back
      Then every context allocated since has a reference count of 1

      Examples:
        | kind       | size | callbacks |
        | fixed-size | 64   | none      |

      @needs:variable-size
      Examples:
        | kind          | size                        | callbacks |
        | variable-size | FLT_VARIABLE_SIZED_CONTEXTS | none      |

      @needs:allocate-callback
      Examples:
        | kind              | size | callbacks     |
        | allocate-callback | 0    | allocate+free |

  @must @windows:all
  Rule: ALLOC-002 A ContextSize above MAXUSHORT fails with STATUS_INVALID_BUFFER_SIZE
    Source: "FltAllocateContext function (fltkernel.h)", Parameters > ContextSize and Return value (STATUS_INVALID_BUFFER_SIZE) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltallocatecontext

    @needs:variable-size
    Scenario Outline: ALLOC-002 ContextSize <size> against a variable-size definition gives <status>
      Given the minifilter registers a variable-size FLT_STREAM_CONTEXT definition
      When the minifilter allocates a FLT_STREAM_CONTEXT of <size> bytes from PagedPool
      Then FltAllocateContext returns <status>

      Examples:
        | size       | status                     |
        | 65535      | STATUS_SUCCESS             |
        | 65536      | STATUS_INVALID_BUFFER_SIZE |
        | 4294967296 | STATUS_INVALID_BUFFER_SIZE |

    Scenario Outline: ALLOC-002 ContextSize <size> against a fixed <registered>-byte definition gives <status>
      Given the minifilter registers a FLT_FILE_CONTEXT definition of <registered> bytes
      When the minifilter allocates a FLT_FILE_CONTEXT of <size> bytes from PagedPool
      Then FltAllocateContext returns <status>

      Examples:
        | registered | size  | status                     |
        | 65535      | 65535 | STATUS_SUCCESS             |
        | 65535      | 65536 | STATUS_INVALID_BUFFER_SIZE |

  @must @windows:all
  Rule: ALLOC-003 The context types of Windows Vista carry the documented values 0x0001 to 0x0020
    Source: "FltAllocateContext function (fltkernel.h)", Parameters > ContextType (the value table) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltallocatecontext
    File and transaction contexts exist from Windows Vista, the oldest profile of the kit, so every profile has all six.

    @needs:context-inspection
    Scenario Outline: ALLOC-003 type value <value> allocates a <type>
      Given the minifilter registers these context definitions:
        | type    | size |
        | <value> | 64   |
      When the minifilter allocates a context of type <value> of 64 bytes from NonPagedPool
      Then FltAllocateContext returns STATUS_SUCCESS
      And the returned context is a <type>

      Examples:
        | value  | type                     |
        | 0x0001 | FLT_VOLUME_CONTEXT       |
        | 0x0002 | FLT_INSTANCE_CONTEXT     |
        | 0x0004 | FLT_FILE_CONTEXT         |
        | 0x0008 | FLT_STREAM_CONTEXT       |
        | 0x0010 | FLT_STREAMHANDLE_CONTEXT |
        | 0x0020 | FLT_TRANSACTION_CONTEXT  |

  @must @windows:win8+
  Rule: ALLOC-004 From Windows 8 a section context (0x0040) can be allocated
    Source: "FltAllocateContext function (fltkernel.h)", Parameters > ContextType (FLT_SECTION_CONTEXT, available starting with Windows 8) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltallocatecontext

    @needs:context-inspection
    Scenario: ALLOC-004 type value 0x0040 allocates a FLT_SECTION_CONTEXT
      Given the minifilter registers these context definitions:
        | type   | size |
        | 0x0040 | 64   |
      When the minifilter allocates a context of type 0x0040 of 64 bytes from PagedPool
      Then FltAllocateContext returns STATUS_SUCCESS
      And the returned context is a FLT_SECTION_CONTEXT

  @must @windows:vista..win7
  Rule: ALLOC-020 Before Windows 8 the value 0x0040 is no context type, and no filter can allocate it
    Source: "FltAllocateContext function (fltkernel.h)", Parameters > ContextType (FLT_SECTION_CONTEXT only from Windows 8) and Return value (STATUS_INVALID_PARAMETER: an invalid ContextType) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltallocatecontext
    Ambiguity: the page only says when FLT_SECTION_CONTEXT starts to exist. An earlier reading of the kit (ALLOC-005, retired) recorded what happens before that as implementation-defined, which contradicted ALLOC-006: every value that is not a context type must fail, and before Windows 8 0x0040 is not one.
    Kit reading: before Windows 8, 0x0040 is refused like every invalid ContextType (ALLOC-006: STATUS_INVALID_PARAMETER or STATUS_NOT_SUPPORTED, nothing handed back); a registration array naming it is either refused or registered without making 0x0040 allocatable (REG-020).

    Scenario: ALLOC-020 allocating type 0x0040 before Windows 8 is refused
      Given the minifilter registers a FLT_FILE_CONTEXT definition of 64 bytes
      When the minifilter allocates a context of type 0x0040 of 64 bytes from PagedPool
      Then FltAllocateContext returns STATUS_INVALID_PARAMETER or STATUS_NOT_SUPPORTED
      And no context is handed back
      And the kit records what FltAllocateContext returned

    Scenario: ALLOC-020 a definition of type 0x0040 before Windows 8 does not make it allocatable
      Given the minifilter registers these context definitions:
        | type   | size |
        | 0x0040 | 64   |
      Then FltRegisterFilter either fails and hands back no filter, or a context of type 0x0040 still cannot be allocated

  @must @windows:all
  Rule: ALLOC-006 An invalid ContextType fails the allocation
    Source: "FltAllocateContext function (fltkernel.h)", Return value (STATUS_INVALID_PARAMETER: an invalid ContextType or ContextSize) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltallocatecontext
    Ambiguity: the page names STATUS_INVALID_PARAMETER, yet one observed Windows build answers STATUS_NOT_SUPPORTED, and the page introduces its table with "such as", so the list is not exhaustive.
    Kit reading: an invalid type must fail with one of the two codes (which one is recorded), and like every failed allocation hand nothing back.

    Scenario Outline: ALLOC-006 type value <value> is refused
      Given the minifilter registers these context definitions:
        | type             | size |
        | FLT_FILE_CONTEXT | 64   |
      When the minifilter allocates a context of type <value> of 64 bytes from PagedPool
      Then FltAllocateContext returns STATUS_INVALID_PARAMETER or STATUS_NOT_SUPPORTED
      And no context is handed back
      And the kit records what FltAllocateContext returned

      Examples:
        | value  | why                                 |
        | 0x0000 | no type bit                         |
        | 0x0005 | two types at once (volume and file) |
        | 0x0080 | beyond the last type                |
        | 0xFFFF | FLT_CONTEXT_END                     |

  @must @windows:all
  Rule: ALLOC-007 A fixed-size request larger than the registered Size fails with STATUS_FLT_CONTEXT_ALLOCATION_NOT_FOUND
    Source: "FltAllocateContext function (fltkernel.h)", Parameters > ContextSize and Return value ("less than or equal to" the registered Size for fixed-size contexts; STATUS_FLT_CONTEXT_ALLOCATION_NOT_FOUND) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltallocatecontext

    Scenario Outline: ALLOC-007 ContextSize <size> against a fixed 64-byte definition with flags <flags> gives <status>
      Given the minifilter registers these context definitions:
        | type             | size | flags   |
        | FLT_FILE_CONTEXT | 64   | <flags> |
      When the minifilter allocates a FLT_FILE_CONTEXT of <size> bytes from PagedPool
      Then FltAllocateContext returns <status>

      Examples: without NO_EXACT_SIZE_MATCH
        | flags | size  | status                                  |
        | 0     | 64    | STATUS_SUCCESS                          |
        | 0     | 65    | STATUS_FLT_CONTEXT_ALLOCATION_NOT_FOUND |
        | 0     | 65535 | STATUS_FLT_CONTEXT_ALLOCATION_NOT_FOUND |

      @needs:no-exact-size-match
      Examples: with NO_EXACT_SIZE_MATCH
        | flags               | size  | status                                  |
        | NO_EXACT_SIZE_MATCH | 1     | STATUS_SUCCESS                          |
        | NO_EXACT_SIZE_MATCH | 64    | STATUS_SUCCESS                          |
        | NO_EXACT_SIZE_MATCH | 65    | STATUS_FLT_CONTEXT_ALLOCATION_NOT_FOUND |
        | NO_EXACT_SIZE_MATCH | 65535 | STATUS_FLT_CONTEXT_ALLOCATION_NOT_FOUND |

  @caller-contract @windows:all
  Rule: ALLOC-008 A ContextSize of zero is the caller's mistake
    Source: "FltAllocateContext function (fltkernel.h)", Parameters > ContextSize ("must be greater than zero", "cannot be zero") — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltallocatecontext
    Ambiguity: "Registering context types" makes 0 a valid registered Size, which no request can then match; one observed Windows build does not reject ContextSize 0.
    Kit reading: registering Size 0 is legal (REG-004); requesting 0 bytes breaks the caller contract, so the kit records the answer.

    Scenario Outline: ALLOC-008 ContextSize 0 against <definition>
      Given the minifilter registers these context definitions:
        | type             | size   | flags   |
        | FLT_FILE_CONTEXT | <size> | <flags> |
      When the minifilter allocates a FLT_FILE_CONTEXT of 0 bytes from PagedPool
      Then the kit records what FltAllocateContext returned

      Examples:
        | definition                | size | flags |
        | a fixed 0-byte definition | 0    | 0     |

      @needs:no-exact-size-match
      Examples:
        | definition                        | size | flags               |
        | a 64-byte NO_EXACT_SIZE_MATCH one | 64   | NO_EXACT_SIZE_MATCH |

      @needs:variable-size
      Examples:
        | definition                 | size                        | flags |
        | a variable-size definition | FLT_VARIABLE_SIZED_CONTEXTS | 0     |

  @must @windows:all
  Rule: ALLOC-009 While the filter is being torn down FltAllocateContext fails with STATUS_FLT_DELETING_OBJECT
    Source: "FltAllocateContext function (fltkernel.h)", Return value (STATUS_FLT_DELETING_OBJECT: the minifilter in Filter is being torn down) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltallocatecontext

    @needs:filter-teardown
    Scenario Outline: ALLOC-009 a <kind> allocation during filter teardown is refused
      Given the minifilter registers these context definitions:
        | type             | size   |
        | FLT_FILE_CONTEXT | <size> |
      And the filter manager has begun tearing the filter down
      When the minifilter allocates a FLT_FILE_CONTEXT of 64 bytes from PagedPool
      Then FltAllocateContext returns STATUS_FLT_DELETING_OBJECT

      Examples:
        | kind       | size |
        | fixed-size | 64   |

      @needs:variable-size
      Examples:
        | kind          | size                        |
        | variable-size | FLT_VARIABLE_SIZED_CONTEXTS |

  @must @windows:all
  Rule: ALLOC-010 A pool allocation failure makes FltAllocateContext fail with STATUS_INSUFFICIENT_RESOURCES
    Source: "FltAllocateContext function (fltkernel.h)", Return value (STATUS_INSUFFICIENT_RESOURCES: a pool allocation failure) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltallocatecontext

    @needs:pool-faults
    Scenario Outline: ALLOC-010 a <kind> allocation from <pool> when pool is exhausted
      Given the minifilter registers these context definitions:
        | type             | size   |
        | FLT_FILE_CONTEXT | <size> |
      And the pool fails the next 1 allocation
      When the minifilter allocates a FLT_FILE_CONTEXT of 64 bytes from <pool>
      Then FltAllocateContext returns STATUS_INSUFFICIENT_RESOURCES

      Examples:
        | kind       | size | pool         |
        | fixed-size | 64   | PagedPool    |
        | fixed-size | 64   | NonPagedPool |

      @needs:variable-size
      Examples:
        | kind          | size                        | pool      |
        | variable-size | FLT_VARIABLE_SIZED_CONTEXTS | PagedPool |

    @needs:pool-faults
    Scenario: ALLOC-010 the allocation after a failed one succeeds
      Given the minifilter registers a FLT_FILE_CONTEXT definition of 64 bytes
      And the pool fails the next 1 allocation
      When the minifilter allocates a FLT_FILE_CONTEXT of 64 bytes from PagedPool
      And the minifilter allocates a FLT_FILE_CONTEXT of 64 bytes from PagedPool
      Then FltAllocateContext returns STATUS_SUCCESS

    @needs:pool-faults
    Scenario: ALLOC-010 allocations succeed while the pool has memory, and the one that finds it exhausted fails
      Given the minifilter registers a FLT_FILE_CONTEXT definition of 64 bytes
      And the pool fails every allocation after the next 3
      When the minifilter allocates a FLT_FILE_CONTEXT of 64 bytes from PagedPool as "first"
      And the minifilter allocates a FLT_FILE_CONTEXT of 64 bytes from PagedPool until an allocation fails, at most 8 times
      Then FltAllocateContext returns STATUS_INSUFFICIENT_RESOURCES
      And no context is handed back

  @must @windows:all
  Rule: ALLOC-011 A failed allocation hands nothing back and keeps no memory
    Source: "FltAllocateContext function (fltkernel.h)", Parameters > ReturnedContext and Remarks (ReturnedContext receives the context only when one was allocated; the caller releases only what it got) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltallocatecontext
    The kit checks that ReturnedContext stays NULL and, where pool accounting is declared, that no pool block stays outstanding.

    Scenario Outline: ALLOC-011 nothing comes back when <failure>
      Given the minifilter registers these context definitions:
        | type             | size |
        | FLT_FILE_CONTEXT | 64   |
      When the minifilter allocates a context of type <type> of <size> bytes from PagedPool
      Then FltAllocateContext returns <status>
      And no context is handed back

      Examples:
        | failure                        | type   | size  | status                                  |
        | the type is not registered     | 0x0008 | 64    | STATUS_FLT_CONTEXT_ALLOCATION_NOT_FOUND |
        | the request exceeds the Size   | 0x0004 | 65    | STATUS_FLT_CONTEXT_ALLOCATION_NOT_FOUND |
        | the request exceeds MAXUSHORT  | 0x0004 | 65536 | STATUS_INVALID_BUFFER_SIZE              |

    @needs:pool-faults
    Scenario: ALLOC-011 nothing comes back when pool is exhausted
      Given the minifilter registers a FLT_FILE_CONTEXT definition of 64 bytes
      And the pool fails the next 1 allocation
      When the minifilter allocates a FLT_FILE_CONTEXT of 64 bytes from PagedPool
      Then FltAllocateContext returns STATUS_INSUFFICIENT_RESOURCES
      And no context is handed back

    @needs:filter-teardown
    Scenario: ALLOC-011 nothing comes back while the filter is torn down
      Given the minifilter registers a FLT_FILE_CONTEXT definition of 64 bytes
      And the filter manager has begun tearing the filter down
      When the minifilter allocates a FLT_FILE_CONTEXT of 64 bytes from PagedPool
      Then FltAllocateContext returns STATUS_FLT_DELETING_OBJECT
      And no context is handed back

  @must @windows:all
  Rule: ALLOC-012 Without per-stream context support only STATUS_NOT_SUPPORTED may refuse an allocation, and only for stream contexts
    Source: "FltAllocateContext function (fltkernel.h)", Return value (STATUS_NOT_SUPPORTED: the file system does not support per-stream contexts) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltallocatecontext
    Ambiguity: FltAllocateContext takes no file object, so it cannot know which file system a context will be set on; one observed Windows build never returns STATUS_NOT_SUPPORTED for this reason.
    Kit reading: when the file system lacks per-stream contexts, a stream or stream-handle allocation either succeeds or fails with STATUS_NOT_SUPPORTED (recorded; a failure hands nothing back); other context types are not affected and still succeed.

    @needs:stream-support-toggle
    Scenario Outline: ALLOC-012 a <type> allocation when the file system lacks per-stream contexts
      Given the minifilter registers a <type> definition of 64 bytes
      And the file system does not support per-stream contexts
      When the minifilter allocates a <type> of 64 bytes from PagedPool
      Then FltAllocateContext returns STATUS_SUCCESS or STATUS_NOT_SUPPORTED
      And if it failed, no context is handed back
      And the kit records what FltAllocateContext returned

      Examples:
        | type                     |
        | FLT_STREAM_CONTEXT       |
        | FLT_STREAMHANDLE_CONTEXT |

    @needs:stream-support-toggle
    Scenario Outline: ALLOC-012 a <type> allocation is not affected by missing per-stream support
      Given the minifilter registers a <type> definition of 64 bytes
      And the file system does not support per-stream contexts
      When the minifilter allocates a <type> of 64 bytes from NonPagedPool
      Then FltAllocateContext returns STATUS_SUCCESS

      Examples:
        | type                 |
        | FLT_INSTANCE_CONTEXT |
        | FLT_FILE_CONTEXT     |
        | FLT_VOLUME_CONTEXT   |

  @must @windows:all
  Rule: ALLOC-013 The context comes from the pool the caller names, NonPagedPool or PagedPool
    Source: "FltAllocateContext function (fltkernel.h)", Parameters > PoolType and Remarks (the context comes "from the specified pool") — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltallocatecontext
    Whether a fixed-size context comes from a lookaside list or straight from pool is the implementation's choice (REG-011), but a lookaside list it comes from holds memory of the pool asked for: a NonPagedPool context never comes from a paged list, nor a PagedPool one from a nonpaged list. Paged and nonpaged pool are separate memory, so the memory a released context of one pool leaves behind never comes back as a context of the other, whether it went back to a lookaside list or to pool.

    @needs:context-inspection
    Scenario Outline: ALLOC-013 a <kind> file context from <pool>
      Given the minifilter registers these context definitions:
        | type             | size   |
        | FLT_FILE_CONTEXT | <size> |
      When the minifilter allocates a FLT_FILE_CONTEXT of 64 bytes from <pool>
      Then FltAllocateContext returns STATUS_SUCCESS
      And the returned context comes from <pool>
      And the returned context came from a <pool> lookaside list or straight from pool

      Examples:
        | kind       | size | pool         |
        | fixed-size | 64   | NonPagedPool |
        | fixed-size | 64   | PagedPool    |

      @needs:variable-size
      Examples:
        | kind          | size                        | pool         |
        | variable-size | FLT_VARIABLE_SIZED_CONTEXTS | NonPagedPool |
        | variable-size | FLT_VARIABLE_SIZED_CONTEXTS | PagedPool    |

    Scenario Outline: ALLOC-013 the memory of a <kind> context from <first> does not serve one from <second>
      Given the minifilter registers these context definitions:
        | type             | size   |
        | FLT_FILE_CONTEXT | <size> |
      When the minifilter allocates a FLT_FILE_CONTEXT of 64 bytes from <first> as "A"
      And the minifilter releases "A"
      And the minifilter allocates FLT_FILE_CONTEXT of 64 bytes from <second> until the memory of "A" comes back
      Then the memory of "A" did not come back

      Examples:
        | kind       | size | first        | second       |
        | fixed-size | 64   | PagedPool    | NonPagedPool |
        | fixed-size | 64   | NonPagedPool | PagedPool    |

      @needs:variable-size
      Examples:
        | kind          | size                        | first        | second       |
        | variable-size | FLT_VARIABLE_SIZED_CONTEXTS | PagedPool    | NonPagedPool |
        | variable-size | FLT_VARIABLE_SIZED_CONTEXTS | NonPagedPool | PagedPool    |

  @must @windows:win8+
  Rule: ALLOC-014 From Windows 8 a context can come from NonPagedPoolNx
    Source: "FltAllocateContext function (fltkernel.h)", Parameters > PoolType (NonPagedPoolNx) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltallocatecontext; "POOL_TYPE enumeration (wdm.h)", Constants > NonPagedPoolNx (available from Windows 8) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wdm/ne-wdm-_pool_type

    @needs:context-inspection
    Scenario Outline: ALLOC-014 a <kind> file context from NonPagedPoolNx
      Given the minifilter registers these context definitions:
        | type             | size   |
        | FLT_FILE_CONTEXT | <size> |
      When the minifilter allocates a FLT_FILE_CONTEXT of 64 bytes from NonPagedPoolNx
      Then FltAllocateContext returns STATUS_SUCCESS
      And the returned context comes from NonPagedPoolNx
      And the returned context came from a NonPagedPoolNx lookaside list or straight from pool

      Examples:
        | kind       | size |
        | fixed-size | 64   |

      @needs:variable-size
      Examples:
        | kind          | size                        |
        | variable-size | FLT_VARIABLE_SIZED_CONTEXTS |

  @caller-contract @windows:vista..win7
  Rule: ALLOC-015 Before Windows 8 NonPagedPoolNx is no pool type
    Source: "POOL_TYPE enumeration (wdm.h)", Constants > NonPagedPoolNx (available from Windows 8) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/wdm/ne-wdm-_pool_type; "FltAllocateContext function (fltkernel.h)", Remarks (an invalid PoolType may bypass the lookaside lists) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltallocatecontext

    Scenario: ALLOC-015 a fixed-size file context from NonPagedPoolNx before Windows 8
      Given the minifilter registers a FLT_FILE_CONTEXT definition of 64 bytes
      When the minifilter allocates a FLT_FILE_CONTEXT of 64 bytes from NonPagedPoolNx
      Then the kit records what FltAllocateContext returned

  @must @windows:all
  Rule: ALLOC-016 A volume context can be allocated from NonPagedPool
    Source: "FltAllocateContext function (fltkernel.h)", Parameters > PoolType ("must be NonPagedPool if ContextType is FLT_VOLUME_CONTEXT") — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltallocatecontext

    Scenario Outline: ALLOC-016 a <kind> volume context from NonPagedPool
      Given the minifilter registers these context definitions:
        | type               | size   |
        | FLT_VOLUME_CONTEXT | <size> |
      When the minifilter allocates a FLT_VOLUME_CONTEXT of 24 bytes from NonPagedPool
      Then FltAllocateContext returns STATUS_SUCCESS

      Examples:
        | kind       | size |
        | fixed-size | 24   |

      @needs:variable-size
      Examples:
        | kind          | size                        |
        | variable-size | FLT_VARIABLE_SIZED_CONTEXTS |

  @caller-contract @windows:all
  Rule: ALLOC-017 A volume context from PagedPool is the caller's mistake
    Source: "FltAllocateContext function (fltkernel.h)", Parameters > PoolType ("must be NonPagedPool if ContextType is FLT_VOLUME_CONTEXT") — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltallocatecontext
    The page states an obligation of the caller and no status for breaking it (one observed Windows build does not check it): the kit records the answer.

    Scenario: ALLOC-017 a fixed-size volume context from PagedPool
      Given the minifilter registers a FLT_VOLUME_CONTEXT definition of 24 bytes
      When the minifilter allocates a FLT_VOLUME_CONTEXT of 24 bytes from PagedPool
      Then the kit records what FltAllocateContext returned

  @impl-defined @windows:win8+
  Rule: ALLOC-018 Whether NonPagedPoolNx satisfies the volume context's NonPagedPool requirement is not documented
    Source: "FltAllocateContext function (fltkernel.h)", Parameters > PoolType (NonPagedPool for a volume context; NonPagedPoolNx is listed, with no word on whether it meets that requirement) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltallocatecontext; "Supporting minifilter contexts" (volume contexts must come from nonpaged pool) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ifs/managing-contexts

    Scenario: ALLOC-018 a fixed-size volume context from NonPagedPoolNx
      Given the minifilter registers a FLT_VOLUME_CONTEXT definition of 24 bytes
      When the minifilter allocates a FLT_VOLUME_CONTEXT of 24 bytes from NonPagedPoolNx
      Then the kit records what FltAllocateContext returned

  @caller-contract @windows:all
  Rule: ALLOC-019 An invalid PoolType is the caller's mistake
    Source: "FltAllocateContext function (fltkernel.h)", Remarks (an invalid PoolType "can cause unexpected behavior", e.g. bypassing the lookaside lists; with an allocate callback it is implementation-dependent) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltallocatecontext

    Scenario Outline: ALLOC-019 a <kind> file context from POOL_TYPE(<pool>)
      Given the minifilter registers these context definitions:
        | type             | size   | callbacks   |
        | FLT_FILE_CONTEXT | <size> | <callbacks> |
      When the minifilter allocates a FLT_FILE_CONTEXT of 64 bytes from POOL_TYPE(<pool>)
      Then the kit records what FltAllocateContext returned
      And the kit records where the returned context came from

      Examples:
        | kind       | size | callbacks | pool |
        | fixed-size | 64   | none      | 7    |
        | fixed-size | 64   | none      | 1024 |

      @needs:variable-size
      Examples:
        | kind          | size                        | callbacks | pool |
        | variable-size | FLT_VARIABLE_SIZED_CONTEXTS | none      | 7    |

      @needs:allocate-callback
      Examples:
        | kind              | size | callbacks     | pool |
        | allocate-callback | 0    | allocate+free | 7    |
