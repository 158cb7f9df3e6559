# Rules of the minifilter's context allocate routine (PFLT_CONTEXT_ALLOCATE_CALLBACK), from its
# reference page on Microsoft Learn, "PFLT_CONTEXT_ALLOCATE_CALLBACK callback function (fltkernel.h)".
# The kit's minifilter allocates from pool in its routine unless told to return NULL. See the
# conventions at the top of FltAllocateContext.feature.
Feature: The context allocate callback

  @must @windows:all
  Rule: ACB-001 With an allocate routine registered, FltAllocateContext calls it and builds the context in the block it returns
    Source: "PFLT_CONTEXT_ALLOCATE_CALLBACK callback function (fltkernel.h)", Remarks and Return value (a minifilter that "must perform its own context allocation" does it in ContextAllocateCallback) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nc-fltkernel-pflt_context_allocate_callback

    @needs:allocate-callback @needs:callback-events
    Scenario Outline: ACB-001 a <size>-byte file context from the allocate routine
      Given the minifilter registers these context definitions:
        | type             | size | callbacks     |
        | FLT_FILE_CONTEXT | 0    | allocate+free |
      When the minifilter allocates a FLT_FILE_CONTEXT of <size> bytes from PagedPool
      Then FltAllocateContext returns STATUS_SUCCESS
      And the allocate callback was called once
      And the returned context lies inside the block the allocate callback returned

      Examples:
        | size  |
        | 1     |
        | 64    |
        | 65535 |

  @must @windows:all
  Rule: ACB-002 The allocate routine gets the pool type the minifilter asked for, NonPagedPool for a volume context
    Source: "PFLT_CONTEXT_ALLOCATE_CALLBACK callback function (fltkernel.h)", Parameters > PoolType (NonPagedPool or PagedPool; "must be NonPagedPool if ContextType is FLT_VOLUME_CONTEXT") — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nc-fltkernel-pflt_context_allocate_callback

    @needs:allocate-callback @needs:callback-events
    Scenario Outline: ACB-002 a <type> from <pool>
      Given the minifilter registers these context definitions:
        | type   | size | callbacks     |
        | <type> | 0    | allocate+free |
      When the minifilter allocates a <type> of 64 bytes from <pool>
      Then FltAllocateContext returns STATUS_SUCCESS
      And the allocate callback was asked for <pool>

      Examples:
        | type                 | pool         |
        | FLT_VOLUME_CONTEXT   | NonPagedPool |
        | FLT_INSTANCE_CONTEXT | NonPagedPool |
        | FLT_FILE_CONTEXT     | PagedPool    |
        | FLT_STREAM_CONTEXT   | PagedPool    |

  @must @windows:all
  Rule: ACB-003 The allocate routine is asked for the whole context, more than the minifilter's portion
    Source: "PFLT_CONTEXT_ALLOCATE_CALLBACK callback function (fltkernel.h)", Parameters > Size (Size covers the entire context: the filter manager's portion and the minifilter's portion) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nc-fltkernel-pflt_context_allocate_callback
    The filter manager's portion is not empty (it carries at least the reference count), so Size is strictly larger than ContextSize. This is all one call shows; the exact relation, Size = ContextSize + one fixed portion, is ACB-009's.

    @needs:allocate-callback @needs:callback-events
    Scenario Outline: ACB-003 a <size>-byte request
      Given the minifilter registers these context definitions:
        | type               | size | callbacks     |
        | FLT_STREAM_CONTEXT | 0    | allocate+free |
      When the minifilter allocates a FLT_STREAM_CONTEXT of <size> bytes from PagedPool
      Then FltAllocateContext returns STATUS_SUCCESS
      And the allocate callback was asked for more than <size> bytes

      Examples:
        | size  |
        | 1     |
        | 64    |
        | 65535 |

  @must @windows:all
  Rule: ACB-004 The allocate routine gets the type of the context being allocated
    Source: "PFLT_CONTEXT_ALLOCATE_CALLBACK callback function (fltkernel.h)", Parameters > ContextType (its list of values) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nc-fltkernel-pflt_context_allocate_callback

    @needs:allocate-callback @needs:callback-events
    Scenario Outline: ACB-004 a <type>
      Given the minifilter registers these context definitions:
        | type   | size | callbacks     |
        | <type> | 0    | allocate+free |
      When the minifilter allocates a <type> of 64 bytes from NonPagedPool
      Then FltAllocateContext returns STATUS_SUCCESS
      And the allocate callback was asked for a <type>

      Examples:
        | type                     |
        | FLT_VOLUME_CONTEXT       |
        | FLT_INSTANCE_CONTEXT     |
        | FLT_FILE_CONTEXT         |
        | FLT_STREAM_CONTEXT       |
        | FLT_STREAMHANDLE_CONTEXT |
        | FLT_TRANSACTION_CONTEXT  |

  @must @windows:win8+
  Rule: ACB-005 From Windows 8 the allocate routine also serves section contexts
    Source: "PFLT_CONTEXT_ALLOCATE_CALLBACK callback function (fltkernel.h)", Parameters > ContextType (FLT_SECTION_CONTEXT "starting with Windows 8") — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nc-fltkernel-pflt_context_allocate_callback

    @needs:allocate-callback @needs:callback-events
    Scenario: ACB-005 a FLT_SECTION_CONTEXT
      Given the minifilter registers these context definitions:
        | type                | size | callbacks     |
        | FLT_SECTION_CONTEXT | 0    | allocate+free |
      When the minifilter allocates a FLT_SECTION_CONTEXT of 64 bytes from PagedPool
      Then FltAllocateContext returns STATUS_SUCCESS
      And the allocate callback was asked for a FLT_SECTION_CONTEXT

  @must @windows:all
  Rule: ACB-006 When the allocate routine returns NULL the allocation fails with STATUS_INSUFFICIENT_RESOURCES
    Source: "PFLT_CONTEXT_ALLOCATE_CALLBACK callback function (fltkernel.h)", Return value (NULL when not enough free pool is available) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nc-fltkernel-pflt_context_allocate_callback; "FltAllocateContext function (fltkernel.h)", Return value (STATUS_INSUFFICIENT_RESOURCES) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltallocatecontext

    @needs:allocate-callback @needs:callback-events
    Scenario: ACB-006 the routine returns NULL once
      Given the minifilter registers these context definitions:
        | type             | size | callbacks     |
        | FLT_FILE_CONTEXT | 0    | allocate+free |
      And the minifilter's allocate callback returns NULL the next 1 time
      When the minifilter allocates a FLT_FILE_CONTEXT of 64 bytes from PagedPool
      Then FltAllocateContext returns STATUS_INSUFFICIENT_RESOURCES
      And no context is handed back
      And the allocate callback was called once

    @needs:allocate-callback
    Scenario: ACB-006 the allocation after the NULL succeeds
      Given the minifilter registers these context definitions:
        | type             | size | callbacks     |
        | FLT_FILE_CONTEXT | 0    | allocate+free |
      And the minifilter's allocate callback returns NULL the next 1 time
      When the minifilter allocates a FLT_FILE_CONTEXT of 64 bytes from PagedPool
      And the minifilter allocates a FLT_FILE_CONTEXT of 64 bytes from PagedPool
      Then FltAllocateContext returns STATUS_SUCCESS

  @must @windows:all
  Rule: ACB-007 The allocate routine is called at IRQL APC_LEVEL or below
    Source: "PFLT_CONTEXT_ALLOCATE_CALLBACK callback function (fltkernel.h)", Requirements (IRQL <= APC_LEVEL) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nc-fltkernel-pflt_context_allocate_callback

    @needs:allocate-callback @needs:callback-events
    Scenario: ACB-007 an allocation at PASSIVE_LEVEL
      Given the minifilter registers these context definitions:
        | type             | size | callbacks     |
        | FLT_FILE_CONTEXT | 0    | allocate+free |
      When the minifilter allocates a FLT_FILE_CONTEXT of 64 bytes from PagedPool
      Then the allocate callback ran at APC_LEVEL or below

  @impl-defined @windows:win8+
  Rule: ACB-008 What the allocate routine gets when the minifilter asks for NonPagedPoolNx is not documented
    Source: "PFLT_CONTEXT_ALLOCATE_CALLBACK callback function (fltkernel.h)", Parameters > PoolType (must be NonPagedPool or PagedPool) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nc-fltkernel-pflt_context_allocate_callback; "FltAllocateContext function (fltkernel.h)", Parameters > PoolType (also allows NonPagedPoolNx) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltallocatecontext
    Ambiguity: FltAllocateContext accepts NonPagedPoolNx, but the routine's page, last revised in 2018, lists only NonPagedPool and PagedPool.
    Kit reading: the callback page predates NonPagedPoolNx in FltAllocateContext; passing NonPagedPoolNx through and mapping it to NonPagedPool are both plausible, so the kit records which one the routine saw.

    @needs:allocate-callback @needs:callback-events
    Scenario: ACB-008 a file context from NonPagedPoolNx
      Given the minifilter registers these context definitions:
        | type             | size | callbacks     |
        | FLT_FILE_CONTEXT | 0    | allocate+free |
      When the minifilter allocates a FLT_FILE_CONTEXT of 64 bytes from NonPagedPoolNx
      Then the kit records what FltAllocateContext returned
      And the kit records the pool type the allocate callback was asked for

  @must @windows:all
  Rule: ACB-009 Size is ContextSize plus the filter manager's portion, one fixed size for a context type
    Source: "PFLT_CONTEXT_ALLOCATE_CALLBACK callback function (fltkernel.h)", Parameters > Size (the size of the entire context: the portion the filter manager defines and the portion the minifilter defines) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nc-fltkernel-pflt_context_allocate_callback; "FltAllocateContext function (fltkernel.h)", Parameters > ContextSize (the size of the portion the minifilter defines) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltallocatecontext
    Ambiguity: ACB-003 only follows from the pages as "more than ContextSize"; no page gives the size of the filter manager's portion or says where in the block it lies.
    Kit reading: the whole context is the two portions and nothing else, and the filter manager's portion is its own structure, so Size minus ContextSize is the same number for every context of one type that one filter manager allocates, and the context sits at the same place in each block. A Size rounded up, padded by an amount that grows with the request, or computed from another size breaks it; the portion's size itself is never compared with any one implementation's.

    @needs:allocate-callback @needs:callback-events
    Scenario Outline: ACB-009 <type> contexts of 1, 64, 100 and 65535 bytes have one filter manager's portion
      Given the minifilter registers these context definitions:
        | type   | size | callbacks     |
        | <type> | 0    | allocate+free |
      When the minifilter allocates a <type> of 1 bytes from <pool> as "one"
      And the minifilter allocates a <type> of 64 bytes from <pool> as "sixty-four"
      And the minifilter allocates a <type> of 100 bytes from <pool> as "hundred"
      And the minifilter allocates a <type> of 65535 bytes from <pool> as "largest"
      Then the filter manager's portion is the same for every context of a type from the allocate callback

      Examples:
        | type                 | pool         |
        | FLT_FILE_CONTEXT     | PagedPool    |
        | FLT_STREAM_CONTEXT   | PagedPool    |
        | FLT_VOLUME_CONTEXT   | NonPagedPool |
