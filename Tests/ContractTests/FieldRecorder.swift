import JCSkillsProtocol

/// What a field holds, as the contract names it (SPEC.md §4.2).
enum FieldKind {
    case scalar(String)
    case message(any WireMessage.Type)
    case enumeration(any WireEnum.Type)

    static func of<T: WireValue>(_ type: T.Type) -> FieldKind {
        if let message = type as? any WireMessage.Type { return .message(message) }
        if let enumeration = type as? any WireEnum.Type { return .enumeration(enumeration) }
        return .scalar(scalarName(type))
    }

    /// `Int` travels as `int64` (SPEC.md §4.2, the Swift mapping).
    private static func scalarName<T: WireValue>(_ type: T.Type) -> String {
        switch type {
        case is Bool.Type: "bool"
        case is Int32.Type: "int32"
        case is Int64.Type, is Int.Type: "int64"
        case is UInt32.Type: "uint32"
        case is UInt64.Type: "uint64"
        case is Double.Type: "double"
        case is Float.Type: "float"
        case is String.Type: "string"
        case is WireBytes.Type: "bytes"
        default: "unknown \(type)"
        }
    }
}

/// One visited field, before it is turned into the contract's form.
struct RecordedField {
    let number: UInt32
    let name: String
    let kind: FieldKind
    let label: String
    /// JSON text of the default a fresh message holds, when it is not the type's zero value.
    let defaultJSON: String?
}

/// Walks a freshly made message and writes down each field, without changing it.
struct FieldRecorder: WireFieldVisitor {
    var fields: [RecordedField] = []

    mutating func field<T: WireValue>(_ number: UInt32, _ name: StaticString, _ value: inout T) {
        let kind = FieldKind.of(T.self)
        let isMessage = if case .message = kind { true } else { false }
        let notable = !isMessage && !value.isWireDefault
        fields.append(RecordedField(number: number, name: "\(name)", kind: kind, label: "singular", defaultJSON: notable ? JSONText.value(value) : nil))
    }

    mutating func field<T: WireValue>(_ number: UInt32, _ name: StaticString, _ value: inout T?) {
        fields.append(RecordedField(number: number, name: "\(name)", kind: FieldKind.of(T.self), label: "optional", defaultJSON: value.map(JSONText.value)))
    }

    mutating func field<T: WireValue>(_ number: UInt32, _ name: StaticString, _ value: inout [T]) {
        let notable = value.isEmpty ? nil : "[" + value.map(JSONText.value).joined(separator: ", ") + "]"
        fields.append(RecordedField(number: number, name: "\(name)", kind: FieldKind.of(T.self), label: "repeated", defaultJSON: notable))
    }
}
