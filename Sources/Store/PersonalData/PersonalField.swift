import Foundation

/// Which kind of personal value is being sealed or indexed.
///
/// The field's name is bound into every sealed value (as AES-GCM authenticated data) and
/// into its blind index. So a sealed ID number copied into the name column fails to open
/// instead of being shown where a name is expected, and the same text in two fields has
/// unrelated blind indexes, which keeps fields from being correlated with each other.
///
/// Values are normalised before sealing and indexing, so `140524199001011234x` and
/// `140524199001011234X` seal, index and de-duplicate as the same ID number.
public struct PersonalField: Sendable, Hashable, CustomStringConvertible {
    /// Stable name; part of every sealed value and index. Never change it for a field in use.
    public let name: String
    private let rule: Rule

    private enum Rule: Sendable, Hashable {
        case idNumber, personName, phone, trimmed
    }

    /// A resident ID number: surrounding space removed, check letter upper-cased.
    public static let idNumber = PersonalField(name: "id_number", rule: .idNumber)
    /// A person's name: surrounding space removed, Unicode NFC.
    public static let name = PersonalField(name: "name", rule: .personName)
    /// A phone number: spaces and hyphens removed.
    public static let phone = PersonalField(name: "phone", rule: .phone)

    /// A stored response of an idempotent write (see ``StoreConfiguration/personalData``).
    public static let storedResponse = PersonalField(name: "idempotent_response", rule: .trimmed)

    /// Another sensitive field (an address, a bank account…): surrounding space removed.
    public static func custom(_ name: String) -> PersonalField {
        PersonalField(name: name, rule: .trimmed)
    }

    /// The field named `name`: one of the above, else ``custom(_:)``.
    public static func named(_ name: String) -> PersonalField {
        [idNumber, Self.name, phone, storedResponse].first { $0.name == name } ?? custom(name)
    }

    private init(name: String, rule: Rule) {
        self.name = name
        self.rule = rule
    }

    /// The canonical spelling that is sealed and indexed.
    ///
    /// Values already in canonical form (the common case) are returned as they are without
    /// copying: this runs for every sealed field of every imported row.
    public func normalize(_ value: String) -> String {
        let trimmed = Self.trimmed(value)
        switch rule {
        case .idNumber:
            return trimmed.utf8.contains(where: { (0x61...0x7A).contains($0) }) ? trimmed.uppercased() : trimmed
        case .personName:
            return Self.isPlainlyComposed(trimmed) ? trimmed : trimmed.precomposedStringWithCanonicalMapping
        case .phone:
            return trimmed.utf8.contains(where: { $0 == 0x20 || $0 == 0x2D || $0 == 0x09 })
                ? trimmed.filter { !$0.isWhitespace && $0 != "-" } : trimmed
        case .trimmed:
            return trimmed
        }
    }

    private static func trimmed(_ value: String) -> String {
        guard let first = value.unicodeScalars.first, let last = value.unicodeScalars.last,
              isWhitespace(first) || isWhitespace(last)
        else { return value }
        return value.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Unicode's White_Space set, spelled out: looking the property up for every field of every
    /// imported row showed in profiles.
    /// Whether `text` is already in NFC because every character is one that NFC keeps as it is
    /// and that never combines with a neighbour: below U+0300 (Latin, the middle dot of
    /// minority names) or a CJK unified ideograph. Foundation's normalisation costs about a
    /// microsecond a name, a tenth of a bulk import row; almost every name passes this check.
    private static func isPlainlyComposed(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            switch scalar.value {
            case 0..<0x300, 0x3400..<0x4DC0, 0x4E00..<0xA000: true
            default: false
            }
        }
    }

    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    public var description: String { name }
}
