/// The standard health service every server answers (SPEC.md §7). Any authenticated peer may call it.
public enum HealthService {
    public static let name = "jcskills.Health"
    public static let check = Method<HealthCheckRequest, HealthCheckResponse>(
        service: name, name: "Check", kind: .unary, isIdempotent: true)
}

public struct HealthCheckRequest: WireMessage, Hashable {
    /// A service name to ask about; empty asks about the server as a whole.
    public var service: String = ""
    public init() {}
    public init(service: String) { self.service = service }

    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "service", &service)
    }
}

public struct ServingStatus: WireEnum, CustomStringConvertible {
    public var rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    public static let unknown = ServingStatus(rawValue: 0)
    public static let serving = ServingStatus(rawValue: 1)
    public static let notServing = ServingStatus(rawValue: 2)
    /// Shutting down: finishing calls in flight, taking no new ones.
    public static let draining = ServingStatus(rawValue: 3)
    /// Every value this version knows, by the name the contract gives it (Protocol/contracts.json).
    public static var namedValues: [(value: ServingStatus, name: String)] {
        [(.unknown, "unknown"), (.serving, "serving"), (.notServing, "notServing"), (.draining, "draining")]
    }

    public var description: String {
        switch self {
        case .serving: "SERVING"
        case .notServing: "NOT_SERVING"
        case .draining: "DRAINING"
        default: "UNKNOWN"
        }
    }
}

public struct HealthCheckResponse: WireMessage, Hashable {
    public var status: ServingStatus = .unknown
    /// Which executable answered, e.g. `"registry"`.
    public var server: String = ""
    /// The answering build's version.
    public var version: String = ""

    public init() {}
    public init(status: ServingStatus, server: String, version: String) {
        self.status = status
        self.server = server
        self.version = version
    }

    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "status", &status)
        try v.field(2, "server", &server)
        try v.field(3, "version", &version)
    }
}
