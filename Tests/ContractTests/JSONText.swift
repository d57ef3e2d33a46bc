import JCSkillsProtocol

/// JSON written by hand, so that keys keep the order the contract's readers expect and the
/// file is byte-for-byte the same on every run (Foundation's encoder sorts keys or not at all).
enum JSONText {
    static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    static func optionalString(_ text: String?) -> String { text.map(string) ?? "null" }

    /// A field's value as JSON: numbers and booleans as themselves, enums by number, bytes as
    /// a list of byte values, messages (never a recorded default) as `{}`.
    static func value<T: WireValue>(_ value: T) -> String {
        switch value {
        case let text as String: string(text)
        case let flag as Bool: flag ? "true" : "false"
        case let bytes as WireBytes: "[" + bytes.bytes.map(String.init).joined(separator: ", ") + "]"
        case let enumeration as any WireEnum: String(enumeration.rawValue)
        case is any WireMessage: "{}"
        default: "\(value)"
        }
    }

    /// `{"a": 1, "b": "x"}` on one line: the pairs are already JSON.
    static func object(_ pairs: [(String, String)]) -> String {
        "{" + pairs.map { "\(string($0.0)): \($0.1)" }.joined(separator: ", ") + "}"
    }
}
