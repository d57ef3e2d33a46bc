/// A contract as committed in Protocol/contracts/release-N.json, read back: only what the
/// release check needs, and nothing from today's code.
struct ReleasedContract: Decodable {
    struct Method: Decodable {
        let name: String
        let path: String
        let kind: String
        let request: String
        let response: String
    }

    struct Service: Decodable {
        let name: String
        let methods: [Method]
    }

    struct Field: Decodable {
        let number: UInt32
        let name: String
        let type: String
        let message: String?
        let `enum`: String?
        let label: String
    }

    struct Message: Decodable {
        let fields: [Field]
        let reserved: [UInt32]
    }

    struct EnumValue: Decodable {
        let number: Int32
        let name: String
    }

    struct Enumeration: Decodable {
        let values: [EnumValue]
    }

    let `protocol`: Int
    let services: [Service]
    let messages: [String: Message]
    let enums: [String: Enumeration]
}

/// How a contract type is laid out on the wire: two types of one class read each other's
/// values (SPEC.md §4.6 rule 6); any other change misreads or fails.
enum WireEncoding: Equatable {
    case zigZag, unsigned, enumeration, fixed64, fixed32, text, message

    init?(contractType type: String) {
        switch type {
        case "int32", "int64": self = .zigZag
        case "bool", "uint32", "uint64": self = .unsigned
        case "enum": self = .enumeration
        case "double": self = .fixed64
        case "float": self = .fixed32
        case "string", "bytes": self = .text
        case "message": self = .message
        default: return nil
        }
    }

    var wireType: UInt8 {
        switch self {
        case .zigZag, .unsigned, .enumeration: 0
        case .fixed64: 1
        case .text, .message: 2
        case .fixed32: 5
        }
    }

    /// Lists of these are packed (SPEC.md §4.5).
    var isPacked: Bool { wireType != 2 }
}
