import JCSkillsDemoData
import JCSkillsMessages
import JCSkillsProtocol

/// Enum words as a reader sees them: the vocabularies' Chinese names in Chinese, their slugs
/// (as files and `--json` carry them) in English.
enum Vocabulary {
    static func text<T>(_ vocabulary: CSVVocabulary<T>, _ value: T, in language: Language = .current) -> String {
        guard language == .zh, value.rawValue != 0, let term = vocabulary.terms.first(where: { $0.value == value }) else {
            return vocabulary.text(for: value)
        }
        return term.chineseName
    }

    /// The Chinese name in Chinese; in English the value's own description (as the lines always showed it).
    static func word<T: CustomStringConvertible>(_ vocabulary: CSVVocabulary<T>, _ value: T, in language: Language = .current) -> String {
        guard language == .zh, let term = vocabulary.terms.first(where: { $0.value == value }) else { return "\(value)" }
        return term.chineseName
    }

    static func keyGroups(_ groups: [KeyEmploymentGroup], in language: Language = .current) -> String {
        language == .zh ? groups.map(\.chineseName).joined(separator: "、") : RegistryCSVFormat.formatKeyGroups(groups)
    }

    static func gender(_ gender: Gender) -> String {
        switch gender {
        case .male: Messages.Registry.male.text()
        case .female: Messages.Registry.female.text()
        default: "\(gender)"
        }
    }
}

/// A county as a reader names it: its Chinese name (Protocol/Sources/Domain/JinchengDivisions.swift)
/// in Chinese, its code in English; 0 is the city.
enum CountyName {
    static func of(_ code: Int32, in language: Language = .current) -> String {
        if code == 0 { return Messages.Common.city.text(in: language) }
        guard language == .zh, let division = JinchengDivisions.standard.division(code: code) else { return String(code) }
        return division.chineseName
    }

    static func of(_ code: String, in language: Language = .current) -> String {
        Int32(code).map { of($0, in: language) } ?? code
    }

    /// The name in a column as wide as the longest county's.
    static func padded(_ code: Int32) -> String {
        TextWidth.padded(of(code), to: width)
    }

    static var width: Int { Language.current == .zh ? 18 : 6 }
}

/// `label  value` lines with the labels in one column, whatever their language.
enum LabelledLines {
    static func render(_ rows: [(Message, String)]) -> String {
        let width = rows.map { TextWidth.columns($0.0.text()) }.max() ?? 0
        return rows.map { TextWidth.padded($0.0.text(), to: width) + "  " + $0.1 }.joined(separator: "\n")
    }
}
