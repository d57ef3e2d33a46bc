import NIOCore

/// What a handler's outgoing calls inherit from the call being served: its deadline and its
/// request id. Cancellation needs no scope: a handler's task is cancelled when its caller
/// goes away, and so is every call that task is awaiting.
enum CallScope {
    struct Inherited: Sendable {
        var deadline: NIODeadline?
        var requestID: String?
    }

    @TaskLocal static var current: Inherited?
}
