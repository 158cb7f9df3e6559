# Rules of the get-context routines (FltGetVolumeContext ... FltGetTransactionContext), which the
# FltAllocateContext page names per context type, with the behaviour from their reference pages and
# "Getting Contexts" on Microsoft Learn. FltGetSectionContext: see SectionContexts.feature. Conventions:
# see README.
Feature: Getting contexts

  @must @windows:all
  Rule: GET-001 The get routine hands back the context set on the object
    Source: "FltAllocateContext function (fltkernel.h)", Remarks (the get-context routine per type) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltallocatecontext; "Getting Contexts" (a get routine retrieves the context set on an object) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ifs/getting-contexts

    @needs:objects
    Scenario Outline: GET-001 <type> set on its object comes back from the get routine
      Given the minifilter registers a <type> definition of 32 bytes
      And the minifilter's instance is attached to a volume with a file open
      When the minifilter allocates a <type> of 32 bytes from NonPagedPool as "A"
      And "A" is set as the minifilter's <type>
      And the minifilter gets its <type>
      Then the get routine returns STATUS_SUCCESS
      And the routine hands back "A"

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
    Scenario Outline: GET-001 two instances on one file each get their own <type> back
      Given the minifilter registers a <type> definition of 32 bytes
      And the minifilter's instance is attached to a volume with a file open
      And the minifilter also has a second instance on the same volume with the file open
      When the minifilter allocates a <type> of 32 bytes from NonPagedPool as "A"
      And the minifilter allocates a <type> of 32 bytes from NonPagedPool as "B"
      And "A" is set as the minifilter's <type>
      And "B" is set as the <type> of the other objects
      Then the minifilter's <type> is "A"
      And the <type> of the other objects is "B"

      Examples:
        | type                     |
        | FLT_INSTANCE_CONTEXT     |
        | FLT_FILE_CONTEXT         |
        | FLT_STREAM_CONTEXT       |
        | FLT_STREAMHANDLE_CONTEXT |

    @needs:objects
    Scenario Outline: GET-001 two filters on one volume each get their own <type> back
      Given the minifilter registers a <type> definition of 32 bytes
      And the minifilter's instance is attached to a volume with a file open
      And another filter with the same definitions has an instance on the volume with the file open
      When the minifilter allocates a <type> of 32 bytes from NonPagedPool as "A"
      And the other filter allocates a <type> of 32 bytes from NonPagedPool as "B"
      And "A" is set as the minifilter's <type>
      And "B" is set as the <type> of the other objects
      Then the minifilter's <type> is "A"
      And the <type> of the other objects is "B"

      Examples:
        | type               |
        | FLT_VOLUME_CONTEXT |

      @needs:transactions
      Examples: transactions
        | type                    |
        | FLT_TRANSACTION_CONTEXT |

  @must @windows:all
  Rule: GET-002 With no context on the object the get routine returns STATUS_NOT_FOUND and NULL_CONTEXT
    Source: "FltGetStreamContext function (fltkernel.h)", Return value (STATUS_NOT_FOUND; likewise on the other get pages, where the volume and instance routines add that Context is set to NULL_CONTEXT) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltgetstreamcontext
    Ambiguity: only the volume and instance get pages (and FltGetSectionContext) say that Context is set to NULL_CONTEXT; the file, stream, stream handle and transaction pages name STATUS_NOT_FOUND alone.
    Kit reading: the kit demands NULL_CONTEXT, and no new reference on any context, from every get routine that finds nothing: the caller releases only what a successful get returned (their Remarks), so anything else left in Context would be a pointer nobody balances.

    @needs:objects
    Scenario Outline: GET-002 nothing set as the <type> gives STATUS_NOT_FOUND
      Given the minifilter registers a <type> definition of 32 bytes
      And the minifilter's instance is attached to a volume with a file open
      When the minifilter gets its <type>
      Then the get routine returns STATUS_NOT_FOUND
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
    Scenario: GET-002 a stream context set on another volume's file is not found on this one
      Given the minifilter registers a FLT_STREAM_CONTEXT definition of 32 bytes
      And the minifilter's instance is attached to a volume with a file open
      And the minifilter also has an instance on a second volume with a file open
      When the minifilter allocates a FLT_STREAM_CONTEXT of 32 bytes from PagedPool as "A"
      And the minifilter sets "A" as the FLT_STREAM_CONTEXT of its other objects with FLT_SET_CONTEXT_KEEP_IF_EXISTS
      And the minifilter gets its FLT_STREAM_CONTEXT
      Then the get routine returns STATUS_NOT_FOUND
      And the routine hands back NULL_CONTEXT

    @needs:objects @needs:context-inspection
    Scenario Outline: GET-002 a <type> another instance set on the same file is not found through this instance
      Given the minifilter registers a <type> definition of 32 bytes
      And the minifilter's instance is attached to a volume with a file open
      And the minifilter also has a second instance on the same volume with the file open
      When the minifilter allocates a <type> of 32 bytes from PagedPool as "B"
      And "B" is set as the <type> of the other objects
      And the minifilter gets its <type>
      Then the get routine returns STATUS_NOT_FOUND
      And the routine hands back NULL_CONTEXT
      And "B" has a reference count of 2

      Examples:
        | type                 |
        | FLT_INSTANCE_CONTEXT |
        | FLT_FILE_CONTEXT     |
        | FLT_STREAM_CONTEXT   |

  @must @windows:all
  Rule: GET-003 On a file system without per-stream contexts the stream and stream handle get routines fail with STATUS_NOT_SUPPORTED
    Source: "FltGetStreamContext function (fltkernel.h)", Return value (STATUS_NOT_SUPPORTED) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltgetstreamcontext; "FltGetStreamHandleContext function (fltkernel.h)", Return value (STATUS_NOT_SUPPORTED) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltgetstreamhandlecontext
    Kit reading: as in GET-002, a get that fails hands back NULL_CONTEXT and takes no reference, also when a context was set on the stream before the file system lost per-stream support.

    @needs:objects @needs:stream-support-toggle
    Scenario Outline: GET-003 <type> cannot be got where the file system lacks per-stream contexts
      Given the minifilter registers a <type> definition of 32 bytes
      And the minifilter's instance is attached to a volume with a file open
      And the file system does not support per-stream contexts
      When the minifilter gets its <type>
      Then the get routine returns STATUS_NOT_SUPPORTED
      And the routine hands back NULL_CONTEXT

      Examples:
        | type                     |
        | FLT_STREAM_CONTEXT       |
        | FLT_STREAMHANDLE_CONTEXT |

    @needs:objects @needs:stream-support-toggle @needs:context-inspection
    Scenario Outline: GET-003 a <type> set before per-stream support went away is not handed back, nor referenced
      Given the minifilter registers a <type> definition of 32 bytes
      And the minifilter's instance is attached to a volume with a file open
      When the minifilter allocates a <type> of 32 bytes from PagedPool as "A"
      And "A" is set as the minifilter's <type>
      And the file system does not support per-stream contexts
      And the minifilter gets its <type>
      Then the get routine returns STATUS_NOT_SUPPORTED
      And the routine hands back NULL_CONTEXT
      And "A" has a reference count of 2

      Examples:
        | type                     |
        | FLT_STREAM_CONTEXT       |
        | FLT_STREAMHANDLE_CONTEXT |

  @must @windows:all
  Rule: GET-004 A stream context is shared by every file object of the stream; a stream handle context belongs to one file object
    Source: "FltSetStreamHandleContext function (fltkernel.h)", Remarks (one context per stream handle per instance) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltsetstreamhandlecontext; "FltSetStreamContext function (fltkernel.h)", Remarks (one context per stream per instance) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/fltkernel/nf-fltkernel-fltsetstreamcontext

    @needs:objects
    Scenario: GET-004 a second handle on the file sees the stream context
      Given the minifilter registers a FLT_STREAM_CONTEXT definition of 32 bytes
      And the minifilter's instance is attached to a volume with a file open
      And the file is opened a second time
      When the minifilter allocates a FLT_STREAM_CONTEXT of 32 bytes from PagedPool as "A"
      And "A" is set as the minifilter's FLT_STREAM_CONTEXT
      And the minifilter's file object is closed
      Then the minifilter's FLT_STREAM_CONTEXT is "A"

    @needs:objects
    Scenario: GET-004 a stream handle context goes with its file object, not with the stream
      Given the minifilter registers a FLT_STREAMHANDLE_CONTEXT definition of 32 bytes
      And the minifilter's instance is attached to a volume with a file open
      And the file is opened a second time
      When the minifilter allocates a FLT_STREAMHANDLE_CONTEXT of 32 bytes from PagedPool as "A"
      And "A" is set as the minifilter's FLT_STREAMHANDLE_CONTEXT
      And the minifilter's file object is closed
      Then the minifilter has no FLT_STREAMHANDLE_CONTEXT

    @needs:objects
    Scenario: GET-004 a named stream of the file is a stream of its own, without the main stream's context
      Given the minifilter registers a FLT_STREAM_CONTEXT definition of 32 bytes
      And the minifilter's instance is attached to a volume with a file open
      And a named stream of the file is opened
      When the minifilter allocates a FLT_STREAM_CONTEXT of 32 bytes from PagedPool as "A"
      And "A" is set as the minifilter's FLT_STREAM_CONTEXT
      And the minifilter's file object is closed
      Then the minifilter has no FLT_STREAM_CONTEXT
