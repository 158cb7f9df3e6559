# Rules of FltAllocateCallbackData and FltAllocateCallbackDataEx from their reference pages on Microsoft
# Learn (the FltAllocateCallbackDataEx page says the FltAllocateCallbackData remarks apply to it too), and
# of FltFreeCallbackData and FltReuseCallbackData from theirs. Conventions: see README.
Feature: Callback data allocation

  @must @windows:all
  Rule: CBD-001 FltAllocateCallbackData hands back callback data for the instance, with or without a file object
    Source: "FltAllocateCallbackData function (fltkernel.h)", Parameters > Instance and FileObject and Return value (Instance required, FileObject optional) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltallocatecallbackdata; "FltAllocateCallbackDataEx function (fltkernel.h)", the same Parameters and Return value, and Remarks (Important: the FltAllocateCallbackData remarks apply to both routines) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltallocatecallbackdataex

    @needs:objects @needs:callback-data
    Scenario: CBD-001 callback data for an I/O on the minifilter's file object
      Given the minifilter registers no context definitions
      And the minifilter's instance is attached to a volume with a file open
      When the minifilter calls FltAllocateCallbackData for its file object
      Then the callback data allocation returns STATUS_SUCCESS
      And callback data is handed back

    @needs:objects @needs:callback-data
    Scenario: CBD-001 callback data for a create, with FileObject NULL
      Given the minifilter registers no context definitions
      And the minifilter's instance is attached to a volume with a file open
      When the minifilter calls FltAllocateCallbackData for a create
      Then the callback data allocation returns STATUS_SUCCESS
      And callback data is handed back

  @must @windows:win7+
  Rule: CBD-002 FltAllocateCallbackDataEx with Flags 0 or FLT_ALLOCATE_CALLBACK_DATA_PREALLOCATE_ALL_MEMORY hands back callback data
    Source: "FltAllocateCallbackDataEx function (fltkernel.h)", Parameters > Flags and FileObject, Return value, Requirements (Flags: zero or FLT_ALLOCATE_CALLBACK_DATA_PREALLOCATE_ALL_MEMORY; FileObject NULL for a CREATE; Windows 7 and later) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltallocatecallbackdataex

    @needs:objects @needs:callback-data
    Scenario Outline: CBD-002 FltAllocateCallbackDataEx for <what> with flags <flags>
      Given the minifilter registers no context definitions
      And the minifilter's instance is attached to a volume with a file open
      When the minifilter calls FltAllocateCallbackDataEx for <what> with flags <flags>
      Then the callback data allocation returns STATUS_SUCCESS
      And callback data is handed back

      Examples:
        | what                | flags                                             |
        | its file object     | 0                                                 |
        | its file object     | FLT_ALLOCATE_CALLBACK_DATA_PREALLOCATE_ALL_MEMORY |
        | a create            | 0                                                 |
        | a create            | FLT_ALLOCATE_CALLBACK_DATA_PREALLOCATE_ALL_MEMORY |

  @must @windows:all
  Rule: CBD-003 When the callback data cannot be allocated FltAllocateCallbackData returns STATUS_INSUFFICIENT_RESOURCES and hands back nothing
    Source: "FltAllocateCallbackData function (fltkernel.h)", Return value (STATUS_INSUFFICIENT_RESOURCES on a pool allocation failure) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltallocatecallbackdata; "FltAllocateCallbackDataEx function (fltkernel.h)", Return value (the same status for the Ex routine) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltallocatecallbackdataex

    @needs:objects @needs:callback-data @needs:pool-faults
    Scenario: CBD-003 FltAllocateCallbackData with the pool exhausted
      Given the minifilter registers no context definitions
      And the minifilter's instance is attached to a volume with a file open
      And the pool fails every allocation
      When the minifilter calls FltAllocateCallbackData for its file object
      Then the callback data allocation returns STATUS_INSUFFICIENT_RESOURCES
      And no callback data is handed back

  @must @windows:win7+
  Rule: CBD-004 FltAllocateCallbackDataEx returns STATUS_INSUFFICIENT_RESOURCES when the structure, or with the flag the extra memory, cannot be allocated
    Source: "FltAllocateCallbackDataEx function (fltkernel.h)", Return value (STATUS_INSUFFICIENT_RESOURCES: the callback data structure, or with FLT_ALLOCATE_CALLBACK_DATA_PREALLOCATE_ALL_MEMORY the additional memory) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltallocatecallbackdataex

    @needs:objects @needs:callback-data @needs:pool-faults @needs:pool-accounting
    Scenario Outline: CBD-004 FltAllocateCallbackDataEx with flags <flags> when pool fails after <successes> allocation(s)
      Given the minifilter registers no context definitions
      And the minifilter's instance is attached to a volume with a file open
      And the kit notes the pool's outstanding blocks
      And the pool fails every allocation after the next <successes>
      When the minifilter calls FltAllocateCallbackDataEx for its file object with flags <flags>
      Then the callback data allocation returns STATUS_INSUFFICIENT_RESOURCES
      And no callback data is handed back
      And the pool's outstanding blocks are back to what the kit noted

      Examples:
        | flags                                             | successes |
        | 0                                                 | 0         |
        | FLT_ALLOCATE_CALLBACK_DATA_PREALLOCATE_ALL_MEMORY | 0         |
        | FLT_ALLOCATE_CALLBACK_DATA_PREALLOCATE_ALL_MEMORY | 1         |

  @must @windows:win7+
  Rule: CBD-005 Callback data allocated with FLT_ALLOCATE_CALLBACK_DATA_PREALLOCATE_ALL_MEMORY issues its I/O without needing filter manager memory
    Source: "FltAllocateCallbackDataEx function (fltkernel.h)", Remarks (with the flag the routine allocates all memory the filter manager needs for a subsequent I/O request) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltallocatecallbackdataex

    @needs:objects @needs:callback-data @needs:pool-faults
    Scenario: CBD-005 a preallocated callback data's I/O succeeds while the pool is exhausted
      Given the minifilter registers no context definitions
      And the minifilter's instance is attached to a volume with a file open
      When the minifilter calls FltAllocateCallbackDataEx for its file object with flags FLT_ALLOCATE_CALLBACK_DATA_PREALLOCATE_ALL_MEMORY
      And the pool fails every allocation
      And the minifilter performs a synchronous I/O with the callback data
      Then the I/O returns STATUS_SUCCESS

  @impl-defined @windows:all
  Rule: CBD-006 Without the flag an I/O issued while the pool is exhausted may fail
    Source: "FltAllocateCallbackData function (fltkernel.h)", Remarks (note: it does not preallocate what a later FltPerformSynchronousIo may need) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltallocatecallbackdata
    Kit reading: the kit records the I/O's status; failing and succeeding are both allowed.

    @needs:objects @needs:callback-data @needs:pool-faults
    Scenario: CBD-006 the kit records the I/O status of plain callback data with the pool exhausted
      Given the minifilter registers no context definitions
      And the minifilter's instance is attached to a volume with a file open
      When the minifilter calls FltAllocateCallbackData for its file object
      And the pool fails every allocation
      And the minifilter performs a synchronous I/O with the callback data
      Then the kit records what the I/O returned

  @must @windows:win7+
  Rule: CBD-007 The file system can still fail the I/O of preallocated callback data for lack of its own memory, and that failure comes back
    Source: "FltAllocateCallbackDataEx function (fltkernel.h)", Remarks (note: the file system or other filters can still fail the I/O request for lack of memory) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltallocatecallbackdataex
    Kit reading: the flag covers the filter manager's memory only. When the file system fails the I/O for lack of its own memory (the kit's file-system fault, STATUS_INSUFFICIENT_RESOURCES), the I/O returns that status: preallocation does not turn it into success. Until issue 9 this rule only recorded the status (IMPLEMENTATION-DEFINED); the page's "can still fail" says the failure is the file system's to report, not the filter manager's to hide.

    @needs:objects @needs:callback-data
    Scenario: CBD-007 the I/O of preallocated callback data fails when the file system runs out of memory
      Given the minifilter registers no context definitions
      And the minifilter's instance is attached to a volume with a file open
      When the minifilter calls FltAllocateCallbackDataEx for its file object with flags FLT_ALLOCATE_CALLBACK_DATA_PREALLOCATE_ALL_MEMORY
      And the file system fails the next I/O for lack of memory
      And the minifilter performs a synchronous I/O with the callback data
      Then the I/O returns STATUS_INSUFFICIENT_RESOURCES

  @must @windows:all
  Rule: CBD-008 FltFreeCallbackData gives back all the memory of the callback data
    Source: "FltFreeCallbackData function (fltkernel.h)", Remarks (frees the callback data and anything attached to it) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltfreecallbackdata

    @needs:objects @needs:callback-data @needs:pool-accounting
    Scenario: CBD-008 callback data allocated, used and freed leaves no pool block outstanding
      Given the minifilter registers no context definitions
      And the minifilter's instance is attached to a volume with a file open
      And the kit notes the pool's outstanding blocks
      When the minifilter calls FltAllocateCallbackData for its file object
      And the minifilter performs a synchronous I/O with the callback data
      And the minifilter frees the callback data
      Then the pool's outstanding blocks are back to what the kit noted

  @must @windows:win7+
  Rule: CBD-009 FltFreeCallbackData also gives back the memory FLT_ALLOCATE_CALLBACK_DATA_PREALLOCATE_ALL_MEMORY took
    Source: "FltFreeCallbackData function (fltkernel.h)", Remarks (frees the callback data and anything attached to it) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltfreecallbackdata; "FltAllocateCallbackDataEx function (fltkernel.h)", Remarks (the preallocated memory belongs to the callback data) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltallocatecallbackdataex

    @needs:objects @needs:callback-data @needs:pool-accounting
    Scenario: CBD-009 preallocated callback data freed leaves no pool block outstanding
      Given the minifilter registers no context definitions
      And the minifilter's instance is attached to a volume with a file open
      And the kit notes the pool's outstanding blocks
      When the minifilter calls FltAllocateCallbackDataEx for its file object with flags FLT_ALLOCATE_CALLBACK_DATA_PREALLOCATE_ALL_MEMORY
      And the minifilter frees the callback data
      Then the pool's outstanding blocks are back to what the kit noted

  @must @windows:all
  Rule: CBD-010 FltReuseCallbackData makes the callback data ready for another I/O
    Source: "FltReuseCallbackData function (fltkernel.h)", Remarks (reinitialises callback data from FltAllocateCallbackData for another I/O) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltreusecallbackdata

    @needs:objects @needs:callback-data
    Scenario: CBD-010 callback data reused after an I/O issues a second one
      Given the minifilter registers no context definitions
      And the minifilter's instance is attached to a volume with a file open
      When the minifilter calls FltAllocateCallbackData for its file object
      And the minifilter performs a synchronous I/O with the callback data
      And the minifilter reuses the callback data
      And the minifilter performs a synchronous I/O with the callback data
      Then the I/O returns STATUS_SUCCESS

    @needs:objects @needs:callback-data
    Scenario: CBD-010 callback data whose I/O the file system failed is reused for a second one
      Given the minifilter registers no context definitions
      And the minifilter's instance is attached to a volume with a file open
      When the minifilter calls FltAllocateCallbackData for its file object
      And the file system fails the next I/O for lack of memory
      And the minifilter performs a synchronous I/O with the callback data
      And the minifilter reuses the callback data
      And the minifilter performs a synchronous I/O with the callback data
      Then the I/O returns STATUS_SUCCESS

  @caller-contract @windows:all
  Rule: CBD-011 The Instance parameter is required and cannot be NULL
    Source: "FltAllocateCallbackDataEx function (fltkernel.h)", Parameters > Instance (required, cannot be NULL) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltallocatecallbackdataex

    @needs:objects @needs:callback-data
    Scenario: CBD-011 FltAllocateCallbackData with a NULL instance is survived
      Given the minifilter registers no context definitions
      And the minifilter's instance is attached to a volume with a file open
      When the minifilter calls FltAllocateCallbackData with a NULL instance

  @must @windows:win7+
  Rule: CBD-012 Preallocated callback data keeps its preallocated memory through FltReuseCallbackData
    Source: "FltAllocateCallbackDataEx function (fltkernel.h)", Remarks (the flag preallocates callback data for I/O under low memory, where recovering from an allocation failure is hard) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltallocatecallbackdataex; "FltReuseCallbackData function (fltkernel.h)", Remarks (reinitialises the callback data for another I/O, instead of freeing and allocating it again) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltreusecallbackdata
    Ambiguity: the FltReuseCallbackData page does not mention the memory FLT_ALLOCATE_CALLBACK_DATA_PREALLOCATE_ALL_MEMORY took.
    Kit reading: the preallocated memory belongs to the callback data until FltFreeCallbackData gives it back (CBD-009); reuse prepares the same callback data for another I/O, so that I/O too needs no filter manager memory.

    @needs:objects @needs:callback-data @needs:pool-faults
    Scenario: CBD-012 a preallocated callback data reused after an I/O issues the next one while the pool is exhausted
      Given the minifilter registers no context definitions
      And the minifilter's instance is attached to a volume with a file open
      When the minifilter calls FltAllocateCallbackDataEx for its file object with flags FLT_ALLOCATE_CALLBACK_DATA_PREALLOCATE_ALL_MEMORY
      And the minifilter performs a synchronous I/O with the callback data
      And the minifilter reuses the callback data
      And the pool fails every allocation
      And the minifilter performs a synchronous I/O with the callback data
      Then the I/O returns STATUS_SUCCESS

  @caller-contract @windows:win7+
  Rule: CBD-013 FltAllocateCallbackDataEx is called with Flags zero or FLT_ALLOCATE_CALLBACK_DATA_PREALLOCATE_ALL_MEMORY
    Source: "FltAllocateCallbackDataEx function (fltkernel.h)", Parameters > Flags (zero or FLT_ALLOCATE_CALLBACK_DATA_PREALLOCATE_ALL_MEMORY) and Return value (STATUS_SUCCESS or STATUS_INSUFFICIENT_RESOURCES only) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltallocatecallbackdataex
    Ambiguity: the page names the two values Flags may take, and no status for any other value: it neither calls another value invalid nor says it is ignored.
    Kit reading: another value is outside the caller's side of the contract; the kit records what the routine does with it (a status, with or without callback data, or a bug check) and frees any callback data it hands back.

    @needs:objects @needs:callback-data
    Scenario Outline: CBD-013 the kit records what FltAllocateCallbackDataEx does with Flags <flags>
      Given the minifilter registers no context definitions
      And the minifilter's instance is attached to a volume with a file open
      When the minifilter calls FltAllocateCallbackDataEx for its file object with the undocumented flags <flags>

      Examples:
        | flags      |
        | 0x2        |
        | 0x80000001 |
