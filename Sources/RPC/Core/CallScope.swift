import NIOCore

/// What a handler's outgoing calls inherit from the call being served: its deadline, its
/// request id and the language its caller reads. Cancellation needs no scope: a handler's task
/// is cancelled when its caller goes away, and so is every call that task is awaiting.
enum CallScope {
    struct Inherited: Sendable {
        var deadline: NIODeadline?
        var requestID: String?
        var acceptLanguage: String?
        /// Where the handler runs (its connection's event loop; the shared pool for imports).
        /// Work the handler starts in a task of its own (``TimeLimit``) runs there too: on the
        /// shared pool, each of the gateway's calls to its sources woke a pool thread and then
        /// the loop again, two thread switches a call (BENCHMARKS.md note 19).
        var executor: (any TaskExecutor)?
    }

    @TaskLocal static var current: Inherited?
}
