/// An administrative division (GB/T 2260) or a management area the project treats like one.
public struct Division: Hashable, Sendable, CustomStringConvertible {
    /// What level a division is at.
    public enum Kind: Hashable, Sendable {
        /// A prefecture-level city, e.g. 晋城市 140500.
        case city
        /// A county-level division: district (区), county (县) or county-level city (市).
        case county
        /// An area with its own administration but no GB/T 2260 code, such as a development
        /// zone; its code is project-defined and it lies within ``Division/territorialCounty``.
        case managementArea
    }

    /// Six-digit code, e.g. 140524.
    public let code: Int32
    /// Chinese name, e.g. 陵川县.
    public let chineseName: String
    /// Pinyin without tones, e.g. Lingchuan.
    public let pinyin: String
    public let kind: Kind
    /// The county whose territory the division lies in: itself for a county, the host county
    /// for a management area, nil for a city.
    public let territorialCounty: Int32?

    public init(code: Int32, chineseName: String, pinyin: String, kind: Kind, territorialCounty: Int32? = nil) {
        self.code = code
        self.chineseName = chineseName
        self.pinyin = pinyin
        self.kind = kind
        self.territorialCounty = kind == .county ? code : territorialCounty
    }

    /// `"140524 陵川县"`.
    public var description: String { "\(code) \(chineseName)" }
}
