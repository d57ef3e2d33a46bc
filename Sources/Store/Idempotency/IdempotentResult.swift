import Foundation

/// The result of ``Store/idempotent(key:context:requestDigest:_:)``.
public struct IdempotentResult: Sendable, Hashable {
    /// The response bytes: from this run, or as stored by the first run of the same request.
    public var response: Data
    /// `true` when the write did not run because an earlier call with the same key and
    /// request already committed; `response` is that call's stored result.
    public var replayed: Bool

    public init(response: Data, replayed: Bool) {
        self.response = response
        self.replayed = replayed
    }
}
