/// An occupation of the national classification (中华人民共和国职业分类大典, 2022 edition) with
/// the skill levels it has.
public struct Occupation: Hashable, Sendable, CustomStringConvertible {
    /// Code `大类-中类-小类-细类`, e.g. `6-18-02-04`.
    public let code: String
    public let chineseName: String
    public let englishName: String
    /// The levels this occupation has, lowest first. Most have all five; 家政服务员 stops at
    /// 二级; an occupation assessed without levels has none.
    public let levels: [SkillLevel]
    /// False for entries taken from a draft list and not checked against the 2022 edition.
    public let verified: Bool

    public init(code: String, chineseName: String, englishName: String, levels: [SkillLevel] = SkillLevel.standard, verified: Bool = true) {
        self.code = code
        self.chineseName = chineseName
        self.englishName = englishName
        self.levels = levels
        self.verified = verified
    }

    /// Whether a certificate or demand at `level` makes sense for this occupation.
    public func offers(_ level: SkillLevel) -> Bool { levels.contains(level) }

    /// `"6-18-02-04 焊工"`.
    public var description: String { "\(code) \(chineseName)" }

    /// Whether `code` has the shape `d-dd-dd-dd` (a digit, then three two-digit groups). Says
    /// nothing about whether the classification contains it.
    public static func isWellFormedCode(_ code: String) -> Bool {
        let bytes = Array(code.utf8)
        guard bytes.count == 10 else { return false }
        for (index, byte) in bytes.enumerated() {
            let wantsDash = index == 1 || index == 4 || index == 7
            let ok = wantsDash ? byte == UInt8(ascii: "-") : (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            if !ok { return false }
        }
        return true
    }
}
