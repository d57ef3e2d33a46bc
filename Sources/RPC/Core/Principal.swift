/// Who is calling: the identity in the peer's certificate, parsed once per connection.
///
/// Identities are SAN URIs with the `jcskills` scheme (docs/DESIGN.md §4):
/// `jcskills://registry` (a service), `jcskills://admin` (a role),
/// `jcskills://county/140524` (a county office). A certificate from the city CA without such a
/// URI is ``Kind/unidentified``: it may call only methods open to any authenticated peer.
public struct Principal: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: Hashable, Sendable {
        /// One of the programme's services (`registry`, `training`, `evaluation`, `competition`, `gateway`).
        case service(String)
        /// A county human-resources office, by its six-digit division code.
        case county(String)
        /// A person's role: `admin`, `auditor`, `registry-office`, … (anything else a site issues).
        case role(String)
        /// A competition judge, by code (`jcskills://judge/J007`): marks only the events that
        /// list the code (docs/COMPETITIONS.md, "Judges").
        case judge(String)
        /// A valid certificate that names no `jcskills://` identity.
        case unidentified
    }

    public let kind: Kind
    /// The URI as it appeared in the certificate, or the subject for an unidentified peer.
    public let identity: String

    public init(kind: Kind, identity: String) {
        self.kind = kind
        self.identity = identity
    }

    public static let serviceNames: Set<String> = ["registry", "training", "evaluation", "competition", "gateway"]

    /// Parses `jcskills://…`; nil for any other URI.
    public init?(uri: String) {
        let prefix = "jcskills://"
        guard uri.hasPrefix(prefix) else { return nil }
        let rest = uri.dropFirst(prefix.count)
        let parts = rest.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        switch parts.count {
        case 1 where !parts[0].isEmpty:
            let name = parts[0].lowercased()
            self.init(kind: Self.serviceNames.contains(name) ? .service(name) : .role(name), identity: uri)
        case 2 where parts[0] == "county" && parts[1].count == 6 && parts[1].allSatisfy(\.isASCII) && parts[1].allSatisfy(\.isNumber):
            self.init(kind: .county(parts[1]), identity: uri)
        case 2 where parts[0] == "judge" && Self.isJudgeCode(Substring(parts[1])):
            self.init(kind: .judge(parts[1]), identity: uri)
        default:
            return nil
        }
    }

    public var description: String { identity }

    /// The county a county office may write to; nil for everyone else.
    public var county: String? {
        if case .county(let code) = kind { return code }
        return nil
    }

    /// The judge code of a competition judge; nil for everyone else.
    public var judge: String? {
        if case .judge(let code) = kind { return code }
        return nil
    }

    public func hasRole(_ name: String) -> Bool { kind == .role(name) }

    /// 1–32 ASCII letters, digits, `-` and `_`.
    public static func isJudgeCode(_ code: Substring) -> Bool {
        !code.isEmpty && code.utf8.count <= 32
            && code.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_") }
    }
}
