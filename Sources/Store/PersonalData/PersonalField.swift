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

    /// Another sensitive field (an address, a bank account…): surrounding space removed.
    public static func custom(_ name: String) -> PersonalField {
        PersonalField(name: name, rule: .trimmed)
    }

    private init(name: String, rule: Rule) {
        self.name = name
        self.rule = rule
    }

    /// The canonical spelling that is sealed and indexed.
    public func normalize(_ value: String) -> String {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        switch rule {
        case .idNumber: return trimmed.uppercased()
        case .personName: return trimmed.precomposedStringWithCanonicalMapping
        case .phone: return trimmed.filter { !$0.isWhitespace && $0 != "-" }
        case .trimmed: return trimmed
        }
    }

    public var description: String { name }
}
