import JCSkillsProtocol

/// How one wire enum is written in a CSV column, and read back.
///
/// Files carry an English slug (`rural`); reading also accepts the Chinese name (`农村劳动力`,
/// what a county office types) and the wire number (`3`). An empty field is the enum's
/// unspecified value (0). A value this version does not know is written as its number, so
/// nothing is lost in a round trip.
public struct CSVVocabulary<Value: WireEnum & Sendable>: Sendable {
    /// One named value.
    public struct Term: Sendable {
        public let value: Value
        public let slug: String
        public let chineseName: String
        public init(_ value: Value, _ slug: String, _ chineseName: String) {
            self.value = value
            self.slug = slug
            self.chineseName = chineseName
        }
    }

    public let terms: [Term]
    private let byText: [String: Value]

    /// `aliases`: other texts read as a value (never written), e.g. an earlier version's slugs.
    public init(_ terms: [Term], aliases: [String: Value] = [:]) {
        self.terms = terms
        var byText = aliases
        for term in terms {
            byText[term.slug] = term.value
            byText[term.chineseName] = term.value
        }
        self.byText = byText
    }

    /// The slug for `value`; `""` for 0; the number for a value without a term.
    public func text(for value: Value) -> String {
        if value.rawValue == 0 { return "" }
        return terms.first { $0.value == value }?.slug ?? String(value.rawValue)
    }

    /// The value a field names (slug, Chinese name or number; empty is 0), or nil when the
    /// field names nothing known. Numbers are accepted even without a term, for data from a
    /// newer version; callers that need known values check them against ``terms``.
    public func value(for text: String) -> Value? {
        if text.isEmpty { return Value(rawValue: 0) }
        if let value = byText[text] { return value }
        return Int32(text).map(Value.init(rawValue:))
    }
}
