/// Who may call a method. Checked before the handler runs; a refusal is answered with
/// PERMISSION_DENIED and reported to the server's ``AccessAuditor``.
///
/// Policies say which kinds of caller may reach a method at all. Rules that depend on the
/// request — a county office writing only its own county's persons — belong in the handler,
/// which sees the ``Principal``.
public struct AccessPolicy: Sendable, CustomStringConvertible {
    public enum Rule: Hashable, Sendable {
        case service(String)
        case role(String)
        case anyCounty
        /// Every competition judge (``Principal/Kind/judge(_:)``).
        case anyJudge
        case anyIdentified
        case anyAuthenticated
    }

    public let rules: [Rule]

    public init(_ rules: [Rule]) { self.rules = rules }

    /// Every peer holding a certificate from the city CA, identified or not (the health check).
    public static let anyAuthenticated = AccessPolicy([.anyAuthenticated])
    /// Every peer whose certificate names a `jcskills://` identity.
    public static let anyIdentified = AccessPolicy([.anyIdentified])

    /// Only the listed callers.
    public static func only(_ rules: Rule...) -> AccessPolicy { AccessPolicy(rules) }

    public func allows(_ principal: Principal) -> Bool {
        rules.contains { rule in
            switch rule {
            case .anyAuthenticated: true
            case .anyIdentified: principal.kind != .unidentified
            case .anyCounty: principal.county != nil
            case .anyJudge: principal.judge != nil
            case .service(let name): principal.kind == .service(name)
            case .role(let name): principal.kind == .role(name)
            }
        }
    }

    public var description: String {
        rules.map { rule in
            switch rule {
            case .anyAuthenticated: "any authenticated peer"
            case .anyIdentified: "any identified peer"
            case .anyCounty: "county offices"
            case .anyJudge: "competition judges"
            case .service(let name): "service \(name)"
            case .role(let name): "role \(name)"
            }
        }.joined(separator: ", ")
    }
}

/// Receives every refused call. The store layer provides one that writes the audit log; the
/// default logs a warning.
public protocol AccessAuditor: Sendable {
    /// A call its method's policy refused, before any handler ran.
    func denied(principal: Principal, method: String, requestID: String?, reason: String)
    /// A call its handler refused with PERMISSION_DENIED (a county office writing another
    /// county's record, say), wherever in the handler: awaited before the caller gets the
    /// answer, so the refusal is on record when the caller sees it.
    func refused(principal: Principal, method: String, requestID: String?, reason: String) async
}

extension AccessAuditor {
    public func refused(principal: Principal, method: String, requestID: String?, reason: String) async {
        denied(principal: principal, method: method, requestID: requestID, reason: reason)
    }
}
