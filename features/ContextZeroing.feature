# What the memory of a new context holds, from the Remarks of the FltAllocateContext page on Microsoft Learn.
# "Not guaranteed zero" is not "guaranteed dirty": the kit demands zero only where the page promises
# it, and proves it under pressure (dirty a context, release it, allocate the same size until the
# memory comes back, check every byte). Elsewhere it records what it saw. See the conventions at the
# top of FltAllocateContext.feature.
Feature: Zeroing of new contexts

  @must @windows:win11+
  Rule: ZERO-001 From Windows 11 a variable-size context is all zero, even in recycled memory
    Source: "FltAllocateContext function (fltkernel.h)", Remarks (from Windows 11 the memory of a variable-size context is guaranteed to be zero) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltallocatecontext
    Ambiguity: the same Remarks still say FltAllocateContext "does not initialize the contents of the minifilter-specific portion".
    Kit reading: the Windows 11 bullets are the newer statement (added to the page in 2023) and win for Windows 11; the older sentence is read as "no promise" where no bullet speaks.

    @needs:variable-size @needs:context-memory
    Scenario Outline: ZERO-001 a <size>-byte variable-size context from <pool> is zero when new and when recycled
      Given the minifilter registers a variable-size FLT_STREAM_CONTEXT definition
      When the minifilter allocates a FLT_STREAM_CONTEXT of <size> bytes from <pool> as "first"
      Then every byte of "first" is zero
      When the minifilter fills "first" with 0xA5 and releases it
      And the minifilter allocates FLT_STREAM_CONTEXT of <size> bytes from <pool> until the memory of "first" comes back
      Then every byte of every context allocated since is zero

      Examples:
        | size  | pool         |
        | 1     | PagedPool    |
        | 200   | NonPagedPool |
        | 4096  | PagedPool    |
        | 65535 | NonPagedPool |

  @impl-defined @windows:win11+
  Rule: ZERO-002 From Windows 11 a fixed-size context from a lookaside list may keep old bytes
    Source: "FltAllocateContext function (fltkernel.h)", Remarks (from Windows 11 a fixed-size context cannot be assumed zero, because of lookaside list behavior) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltallocatecontext

    @needs:context-memory
    Scenario Outline: ZERO-002 a recycled 64-byte fixed-size context from <pool>
      Given the minifilter registers a FLT_FILE_CONTEXT definition of 64 bytes
      When the minifilter allocates a FLT_FILE_CONTEXT of 64 bytes from <pool> as "first"
      And the minifilter fills "first" with 0xA5 and releases it
      And the minifilter allocates FLT_FILE_CONTEXT of 64 bytes from <pool> until the memory of "first" comes back
      Then the kit records how many dirty bytes the new context kept

      Examples:
        | pool           |
        | PagedPool      |
        | NonPagedPool   |
        | NonPagedPoolNx |

  @impl-defined @windows:win11+
  Rule: ZERO-003 From Windows 11 a fixed-size context from the minifilter's allocate callback holds what the callback left
    Source: "FltAllocateContext function (fltkernel.h)", Remarks (from Windows 11 a fixed-size context from a caller-provided allocate callback holds implementation-defined content) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltallocatecontext

    @needs:allocate-callback @needs:context-memory
    Scenario: ZERO-003 a recycled context from the allocate callback
      Given the minifilter registers these context definitions:
        | type             | size | callbacks     |
        | FLT_FILE_CONTEXT | 0    | allocate+free |
      When the minifilter allocates a FLT_FILE_CONTEXT of 64 bytes from PagedPool as "first"
      And the minifilter fills "first" with 0xA5 and releases it
      And the minifilter allocates FLT_FILE_CONTEXT of 64 bytes from PagedPool until the memory of "first" comes back
      Then the kit records how many dirty bytes the new context kept

  @impl-defined @windows:vista..win10
  Rule: ZERO-004 Before Windows 11 no context is promised to be zero
    Source: "FltAllocateContext function (fltkernel.h)", Remarks (before Windows 11 the returned context is not zeroed) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltallocatecontext
    "Not zeroed" is read as "not promised zero": an implementation that zeroes anyway does not fail, so the kit records what it saw.

    @needs:context-memory
    Scenario Outline: ZERO-004 a recycled <kind> context before Windows 11
      Given the minifilter registers these context definitions:
        | type               | size   |
        | FLT_STREAM_CONTEXT | <size> |
      When the minifilter allocates a FLT_STREAM_CONTEXT of 64 bytes from PagedPool as "first"
      And the minifilter fills "first" with 0xA5 and releases it
      And the minifilter allocates FLT_STREAM_CONTEXT of 64 bytes from PagedPool until the memory of "first" comes back
      Then the kit records how many dirty bytes the new context kept

      Examples:
        | kind       | size |
        | fixed-size | 64   |

      @needs:variable-size
      Examples:
        | kind          | size                        |
        | variable-size | FLT_VARIABLE_SIZED_CONTEXTS |
