import JCSkillsProtocol
import Logging
import NIOCore

/// What a handler's outgoing calls inherit from the call being served: its deadline, its
/// request id and the language its caller reads. Cancellation needs no scope: a handler's task
/// is cancelled when its caller goes away, and so is every call that task is awaiting.
enum CallScope {
    struct Inherited: Sendable {
        /// The call being served. Held whole rather than as copies of the fields read from it:
        /// the scope is copied into every call's task, and each field copied cost a retain and
        /// a release there (BENCHMARKS.md, "CPU per call").
        let served: ServerContext
        /// Where the handler runs (its connection's event loop; the shared pool for imports).
        /// Work the handler starts in a task of its own (``TimeLimit``) runs there too: on the
        /// shared pool, each of the gateway's calls to its sources woke a pool thread and then
        /// the loop again, two thread switches a call (BENCHMARKS.md note 19).
        let executor: (any TaskExecutor)?

        var deadline: NIODeadline? { served.deadline }
        var requestID: String { served.requestID }
        var requestIDValue: RequestIDValue { served.facts.requestIDValue }
        var acceptLanguage: String? { served.acceptLanguage }

        init(served: ServerContext, executor: (any TaskExecutor)?) {
            self.served = served
            self.executor = executor
        }

        /// A scope as a served call with these fields would leave it (tests of what outgoing
        /// calls inherit).
        init(deadline: NIODeadline?, requestID: String = RequestIDs.next(), acceptLanguage: String? = nil) {
            let caller = ConnectionPeer.unidentified(address: "unknown", logger: Logger(label: "jcskills.scope"))
            let metadata = acceptLanguage.map { [MetadataEntry(MetadataKey.acceptLanguage, $0)] } ?? []
            self.init(served: ServerContext(facts: CallFacts(caller: caller, method: "", deadline: deadline, metadata: metadata, requestID: requestID)), executor: nil)
        }
    }

    @TaskLocal static var current: Inherited?
}
