/// The outcome of a call: gRPC's status codes, with the same numbers on the wire.
///
/// Unknown codes received from a newer peer are kept as they are (`StatusCode(rawValue: 42)`)
/// and treated like ``unknown`` by code that switches over them.
public struct StatusCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: UInt32
    @inlinable public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let ok = StatusCode(rawValue: 0)
    public static let cancelled = StatusCode(rawValue: 1)
    public static let unknown = StatusCode(rawValue: 2)
    public static let invalidArgument = StatusCode(rawValue: 3)
    public static let deadlineExceeded = StatusCode(rawValue: 4)
    public static let notFound = StatusCode(rawValue: 5)
    public static let alreadyExists = StatusCode(rawValue: 6)
    public static let permissionDenied = StatusCode(rawValue: 7)
    public static let resourceExhausted = StatusCode(rawValue: 8)
    public static let failedPrecondition = StatusCode(rawValue: 9)
    public static let aborted = StatusCode(rawValue: 10)
    public static let outOfRange = StatusCode(rawValue: 11)
    public static let unimplemented = StatusCode(rawValue: 12)
    public static let `internal` = StatusCode(rawValue: 13)
    public static let unavailable = StatusCode(rawValue: 14)
    public static let dataLoss = StatusCode(rawValue: 15)
    public static let unauthenticated = StatusCode(rawValue: 16)

    static let names: [UInt32: String] = [
        0: "OK", 1: "CANCELLED", 2: "UNKNOWN", 3: "INVALID_ARGUMENT", 4: "DEADLINE_EXCEEDED",
        5: "NOT_FOUND", 6: "ALREADY_EXISTS", 7: "PERMISSION_DENIED", 8: "RESOURCE_EXHAUSTED",
        9: "FAILED_PRECONDITION", 10: "ABORTED", 11: "OUT_OF_RANGE", 12: "UNIMPLEMENTED",
        13: "INTERNAL", 14: "UNAVAILABLE", 15: "DATA_LOSS", 16: "UNAUTHENTICATED",
    ]

    /// The upper-case name used in logs, metrics labels and the CLI (`"PERMISSION_DENIED"`).
    public var name: String { Self.names[rawValue] ?? "CODE_\(rawValue)" }
    public var description: String { name }

    /// Every code this version knows, in numeric order.
    public static let allKnown: [StatusCode] = (0...16).map { StatusCode(rawValue: $0) }
}

/// A call's failure as a Swift error: a status code plus a human-readable message.
///
/// Handlers throw it to choose the code a caller sees; any other error thrown by a handler
/// reaches the caller as ``StatusCode/internal`` with a generic message (details stay in the
/// server's log, so internals never leak to a peer).
public struct RPCError: Error, Hashable, Sendable, CustomStringConvertible {
    public var code: StatusCode
    public var message: String
    public var metadata: [MetadataEntry]

    public init(_ code: StatusCode, _ message: String, metadata: [MetadataEntry] = []) {
        self.code = code
        self.message = message
        self.metadata = metadata
    }

    public var description: String { message.isEmpty ? code.name : "\(code.name): \(message)" }
}

/// One metadata entry of a call: request id, idempotency key and the like.
/// Keys are lower-case ASCII; values are UTF-8 text.
public struct MetadataEntry: Hashable, Sendable {
    public var key: String
    public var value: String
    public init(_ key: String, _ value: String) {
        self.key = key
        self.value = value
    }
}

/// An error that knows which status a caller should see. Libraries below the RPC runtime (the
/// store, domain rules) conform their errors so handlers can simply `throw` them.
public protocol RPCErrorConvertible: Error {
    var rpcError: RPCError { get }
}

extension RPCError: RPCErrorConvertible {
    public var rpcError: RPCError { self }
}
