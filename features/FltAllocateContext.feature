# Rules of FltAllocateContext, from 001_1f660b62861822cc.txt (the FltAllocateContext reference page).
# Conventions of every feature file in this kit (see README, "Reading a feature"):
#   - one Rule per documented rule; its title starts with the rule's stable ID, and so does every
#     scenario name of the rule;
#   - the Rule's tags give its level (@must, @impl-defined, @caller-contract, @untestable) and its
#     Windows range (@windows:all, @windows:win8+, @windows:vista..win10);
#   - @needs:<capability> marks scenarios that need an optional part of the SPI;
#   - the Rule's description starts with "Source:" (seed file and section) and may add
#     "Ambiguity:" and "Kit reading:" lines where the documents disagree.
Feature: FltAllocateContext

  @must @windows:all
  Rule: ALLOC-001 A successful allocation hands back a context with a reference count of 1
    Source: 001_1f660b62861822cc.txt, Remarks ("initialized to have a reference count of 1")

    @needs:context-inspection
    Scenario: ALLOC-001 a registered fixed-size file context comes back referenced once
      Given the minifilter registers a FLT_FILE_CONTEXT definition of 64 bytes
      When the minifilter allocates a FLT_FILE_CONTEXT of 64 bytes from PagedPool
      Then FltAllocateContext returns STATUS_SUCCESS
      And the returned context has a reference count of 1

  @must @windows:all
  Rule: ALLOC-002 A ContextSize above MAXUSHORT fails with STATUS_INVALID_BUFFER_SIZE
    Source: 001_1f660b62861822cc.txt, Parameters (ContextSize) and Return value (STATUS_INVALID_BUFFER_SIZE)

    Scenario Outline: ALLOC-002 ContextSize <size> against a variable-size definition gives <status>
      Given the minifilter registers a variable-size FLT_STREAM_CONTEXT definition
      When the minifilter allocates a FLT_STREAM_CONTEXT of <size> bytes from PagedPool
      Then FltAllocateContext returns <status>

      Examples:
        | size  | status                     |
        | 65535 | STATUS_SUCCESS             |
        | 65536 | STATUS_INVALID_BUFFER_SIZE |
