# Rules of the contexts the filter manager deletes by itself when their object goes away, the instance
# detaches or the filter unloads ("Deleting Contexts" and "Supporting minifilter contexts" on Microsoft
# Learn). In every case the filter manager drops only the reference the object held: a reference the
# minifilter still holds keeps the context alive until it is released. Conventions: see README.
Feature: Automatic deletion of contexts

  @must @windows:all
  Rule: AUTO-001 Closing a file object deletes its stream handle contexts, and the last close of a stream or file its stream or file contexts
    Source: "Deleting Contexts" (contexts are deleted when the object they are attached to is deleted) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ifs/deleting-contexts; "Referencing Contexts" (the stream context's last reference goes when the stream is torn down) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ifs/referencing-contexts

    @needs:objects @needs:context-inspection
    Scenario Outline: AUTO-001 closing the only file object deletes the <type>, which the minifilter's release then frees
      Given the minifilter registers a <type> definition of 32 bytes
      And the minifilter's instance is attached to a volume with a file open
      When the minifilter allocates a <type> of 32 bytes from PagedPool as "A"
      And "A" is set as the minifilter's <type>
      And the minifilter's file object is closed
      Then "A" has a reference count of 1
      When the minifilter releases "A"
      Then "A" is freed

      Examples:
        | type                     |
        | FLT_FILE_CONTEXT         |
        | FLT_STREAM_CONTEXT       |
        | FLT_STREAMHANDLE_CONTEXT |

    @needs:objects @needs:context-inspection
    Scenario: AUTO-001 the last close of the main stream deletes its stream context while a named stream of the file stays open
      Given the minifilter registers a FLT_STREAM_CONTEXT definition of 32 bytes
      And the minifilter's instance is attached to a volume with a file open
      And a named stream of the file is opened
      When the minifilter allocates a FLT_STREAM_CONTEXT of 32 bytes from PagedPool as "A"
      And "A" is set as the minifilter's FLT_STREAM_CONTEXT
      And the minifilter's file object is closed
      Then "A" has a reference count of 1

  @must @windows:all
  Rule: AUTO-002 A stream or file context is not deleted while another file object of it (for a file: of any of its streams) is still open
    Source: "Deleting Contexts" (contexts go with their object: the stream and the file outlive one of their handles) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ifs/deleting-contexts

    @needs:objects @needs:context-inspection
    Scenario Outline: AUTO-002 closing one of two handles leaves the <type> attached
      Given the minifilter registers a <type> definition of 32 bytes
      And the minifilter's instance is attached to a volume with a file open
      And the file is opened a second time
      When the minifilter allocates a <type> of 32 bytes from PagedPool as "A"
      And "A" is set as the minifilter's <type>
      And the minifilter's file object is closed
      Then "A" has a reference count of 2
      When the second file object is closed
      Then "A" has a reference count of 1

      Examples:
        | type               |
        | FLT_FILE_CONTEXT   |
        | FLT_STREAM_CONTEXT |

    @needs:objects @needs:context-inspection
    Scenario: AUTO-002 the file context outlives the main stream while a named stream of the file is open
      Given the minifilter registers a FLT_FILE_CONTEXT definition of 32 bytes
      And the minifilter's instance is attached to a volume with a file open
      And a named stream of the file is opened
      When the minifilter allocates a FLT_FILE_CONTEXT of 32 bytes from PagedPool as "A"
      And "A" is set as the minifilter's FLT_FILE_CONTEXT
      And the minifilter's file object is closed
      Then "A" has a reference count of 2
      And the minifilter's FLT_FILE_CONTEXT is "A"
      When the second file object is closed
      Then "A" has a reference count of 1

  @must @windows:all
  Rule: AUTO-003 The end of a transaction deletes its transaction contexts
    Source: "Deleting Contexts" (contexts are deleted when the object they are attached to is deleted) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ifs/deleting-contexts

    @needs:objects @needs:transactions @needs:context-inspection
    Scenario Outline: AUTO-003 a transaction that <ends> takes its context's reference with it
      Given the minifilter registers a FLT_TRANSACTION_CONTEXT definition of 32 bytes
      And the minifilter's instance is attached to a volume with a file open
      When the minifilter allocates a FLT_TRANSACTION_CONTEXT of 32 bytes from PagedPool as "A"
      And "A" is set as the minifilter's FLT_TRANSACTION_CONTEXT
      And the transaction <ends>
      Then "A" has a reference count of 1
      When the minifilter releases "A"
      Then "A" is freed

      Examples:
        | ends       |
        | commits    |
        | rolls back |

    @needs:objects @needs:transactions @needs:context-inspection
    Scenario: AUTO-003 the end of one transaction leaves another transaction's context
      Given the minifilter registers a FLT_TRANSACTION_CONTEXT definition of 32 bytes
      And the minifilter's instance is attached to a volume with a file open
      And the minifilter also has an instance on a second volume with a file open
      When the minifilter allocates a FLT_TRANSACTION_CONTEXT of 32 bytes from PagedPool as "A"
      And the minifilter allocates a FLT_TRANSACTION_CONTEXT of 32 bytes from PagedPool as "B"
      And "A" is set as the minifilter's FLT_TRANSACTION_CONTEXT
      And "B" is set as the FLT_TRANSACTION_CONTEXT of the other objects
      And the transaction commits
      Then "A" has a reference count of 1
      And "B" has a reference count of 2
      And the FLT_TRANSACTION_CONTEXT of the other objects is "B"

  @must @windows:all
  Rule: AUTO-004 When the instance detaches, the contexts set through it are deleted, and no other instance's
    Source: "Deleting Contexts" (contexts are deleted when the instance detaches from the volume) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ifs/deleting-contexts; "Supporting minifilter contexts" (the filter manager deletes contexts when an instance is detached) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ifs/managing-contexts

    @needs:objects @needs:context-inspection
    Scenario Outline: AUTO-004 detaching the instance deletes its <type>
      Given the minifilter registers a <type> definition of 32 bytes
      And the minifilter's instance is attached to a volume with a file open
      When the minifilter allocates a <type> of 32 bytes from PagedPool as "A"
      And "A" is set as the minifilter's <type>
      And the instance detaches from the volume
      Then "A" has a reference count of 1
      When the minifilter releases "A"
      Then "A" is freed

      Examples:
        | type                     |
        | FLT_INSTANCE_CONTEXT     |
        | FLT_FILE_CONTEXT         |
        | FLT_STREAM_CONTEXT       |
        | FLT_STREAMHANDLE_CONTEXT |

    @needs:objects @needs:context-inspection
    Scenario Outline: AUTO-004 detaching one instance leaves the <type> a second instance set on the same file
      Given the minifilter registers a <type> definition of 32 bytes
      And the minifilter's instance is attached to a volume with a file open
      And the minifilter also has a second instance on the same volume with the file open
      When the minifilter allocates a <type> of 32 bytes from PagedPool as "A"
      And the minifilter allocates a <type> of 32 bytes from PagedPool as "B"
      And "A" is set as the minifilter's <type>
      And "B" is set as the <type> of the other objects
      And the instance detaches from the volume
      Then "A" has a reference count of 1
      And "B" has a reference count of 2
      And the <type> of the other objects is "B"

      Examples:
        | type                     |
        | FLT_INSTANCE_CONTEXT     |
        | FLT_FILE_CONTEXT         |
        | FLT_STREAM_CONTEXT       |
        | FLT_STREAMHANDLE_CONTEXT |

  @must @windows:all
  Rule: AUTO-005 Dismounting a volume deletes its volume context and every context of its instances and files, and nothing of another volume
    Source: "Deleting Contexts" (contexts are deleted when the object they are attached to is deleted) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ifs/deleting-contexts

    @needs:objects @needs:context-inspection
    Scenario Outline: AUTO-005 the dismount of the volume deletes the <type>
      Given the minifilter registers a <type> definition of 32 bytes
      And the minifilter's instance is attached to a volume with a file open
      When the minifilter allocates a <type> of 32 bytes from NonPagedPool as "A"
      And "A" is set as the minifilter's <type>
      And the volume is dismounted
      Then "A" has a reference count of 1
      When the minifilter releases "A"
      Then "A" is freed

      Examples:
        | type                     |
        | FLT_VOLUME_CONTEXT       |
        | FLT_INSTANCE_CONTEXT     |
        | FLT_FILE_CONTEXT         |
        | FLT_STREAM_CONTEXT       |
        | FLT_STREAMHANDLE_CONTEXT |

    @needs:objects @needs:context-inspection
    Scenario Outline: AUTO-005 dismounting one volume leaves the <type> on the second volume
      Given the minifilter registers a <type> definition of 32 bytes
      And the minifilter's instance is attached to a volume with a file open
      And the minifilter also has an instance on a second volume with a file open
      When the minifilter allocates a <type> of 32 bytes from NonPagedPool as "A"
      And the minifilter allocates a <type> of 32 bytes from NonPagedPool as "B"
      And "A" is set as the minifilter's <type>
      And "B" is set as the <type> of the other objects
      And the volume is dismounted
      Then "A" has a reference count of 1
      And "B" has a reference count of 2
      And the <type> of the other objects is "B"

      Examples:
        | type                     |
        | FLT_VOLUME_CONTEXT       |
        | FLT_INSTANCE_CONTEXT     |
        | FLT_FILE_CONTEXT         |
        | FLT_STREAM_CONTEXT       |
        | FLT_STREAMHANDLE_CONTEXT |

  @must @windows:all
  Rule: AUTO-006 When the filter unloads, every context it set is deleted, and no other filter's
    Source: "Deleting Contexts" (contexts are deleted when the minifilter unloads) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ifs/deleting-contexts; "Supporting minifilter contexts" (the filter manager deletes contexts when the minifilter is unloaded) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ifs/managing-contexts

    @needs:objects @needs:filter-teardown @needs:context-inspection
    Scenario Outline: AUTO-006 unloading the filter deletes its <type>
      Given the minifilter registers a <type> definition of 32 bytes
      And the minifilter's instance is attached to a volume with a file open
      When the minifilter allocates a <type> of 32 bytes from NonPagedPool as "A"
      And "A" is set as the minifilter's <type>
      And the filter unloads
      Then "A" has a reference count of 1
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

    @needs:objects @needs:filter-teardown @needs:context-inspection
    Scenario Outline: AUTO-006 unloading the filter leaves the <type> another filter set on the same object
      Given the minifilter registers a <type> definition of 32 bytes
      And the minifilter's instance is attached to a volume with a file open
      And another filter with the same definitions has an instance on the volume with the file open
      When the minifilter allocates a <type> of 32 bytes from NonPagedPool as "A"
      And the other filter allocates a <type> of 32 bytes from NonPagedPool as "B"
      And "A" is set as the minifilter's <type>
      And "B" is set as the <type> of the other objects
      And the filter unloads
      Then "A" has a reference count of 1
      And "B" has a reference count of 2
      And the <type> of the other objects is "B"

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
  Rule: AUTO-007 A context deleted with its object is cleaned up once, when the last reference goes
    Source: "Referencing Contexts" (object teardown drops the last reference, then the cleanup callback runs) — https://learn.microsoft.com/en-us/windows-hardware/drivers/ifs/referencing-contexts

    @needs:objects @needs:callback-events
    Scenario: AUTO-007 a stream context whose only reference is the stream's is cleaned up at the last close
      Given the minifilter registers these context definitions:
        | type               | size | callbacks |
        | FLT_STREAM_CONTEXT | 32   | cleanup   |
      And the minifilter's instance is attached to a volume with a file open
      When the minifilter allocates a FLT_STREAM_CONTEXT of 32 bytes from PagedPool as "A"
      And "A" is set as the minifilter's FLT_STREAM_CONTEXT
      And the minifilter releases "A"
      Then the cleanup callback has not run for "A"
      When the minifilter's file object is closed
      Then the cleanup callback ran once for "A" as a FLT_STREAM_CONTEXT
