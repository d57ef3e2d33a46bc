import NIOCore

/// What a handler's outgoing calls inherit from the call being served: its deadline, its
/// request id and the language its caller reads. Cancellation needs no scope: a handler's task
/// is cancelled when its caller goes away, and so is every call that task is awaiting.
enum CallScope {
    struct Inherited: Sendable {
        var deadline: NIODeadline?
        var requestID: String?
        var acceptLanguage: String?
    }

    @TaskLocal static var current: Inherited?
}
