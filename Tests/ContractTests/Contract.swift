import JCSkillsProtocol

/// The wire contract of every service, as the code defines it: what Protocol/contracts.json
/// and SPEC.md §14 are generated from.
struct Contract: Sendable {
    struct Method: Sendable {
        let name: String
        let path: String
        let kind: String
        let idempotent: Bool
        let request: String
        let response: String
        let access: String
    }

    struct Service: Sendable {
        let name: String
        let methods: [Method]
    }

    struct Field: Sendable {
        let number: UInt32
        let name: String
        /// A scalar's name, `message` or `enum`.
        let type: String
        /// The message or enum type's name, for those two.
        let typeName: String?
        let label: String
        let defaultJSON: String?
    }

    struct Message: Sendable {
        let fields: [Field]
        let reserved: [UInt32]
    }

    struct EnumValue: Sendable {
        let number: Int32
        let name: String
    }

    static let protocolVersion = 1

    /// Sorted by name, methods too.
    let services: [Service]
    let messages: [String: Message]
    let enums: [String: [EnumValue]]
    /// Today's Swift type of each message, for decoding what an older contract describes.
    let messageTypes: [String: any WireMessage.Type]
    /// Definitions that break the rules of SPEC.md §14.1 (a number visited twice, a stored
    /// property never visited…); empty when all is well.
    let problems: [String]
}

extension CallKind {
    var contractName: String {
        switch self {
        case .unary: "unary"
        case .serverStreaming: "serverStreaming"
        case .clientStreaming: "clientStreaming"
        case .bidirectionalStreaming: "bidirectionalStreaming"
        }
    }
}

/// The name a type has in the contract: its Swift name without the module (nor the
/// `(unknown context at …)` that Swift names a private type's scope with).
func contractName(_ type: Any.Type) -> String {
    String(reflecting: type).split(separator: ".").dropFirst()
        .filter { !$0.hasPrefix("(unknown context") }.joined(separator: ".")
}
