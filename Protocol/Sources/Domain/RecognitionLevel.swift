/// How far something the plan honours has been recognised — a labour brand, a skill-master
/// studio: 市级, 省级, 国家级 (city, provincial, national).
public struct RecognitionLevel: WireEnum, CustomStringConvertible {
    public var rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }
    public static let unspecified = RecognitionLevel(rawValue: 0)
    public static let city = RecognitionLevel(rawValue: 1)
    public static let provincial = RecognitionLevel(rawValue: 2)
    public static let national = RecognitionLevel(rawValue: 3)
    /// Every value this version knows, by the name the contract gives it (Protocol/contracts.json).
    public static var namedValues: [(value: RecognitionLevel, name: String)] {
        [(.unspecified, "unspecified"), (.city, "city"), (.provincial, "provincial"), (.national, "national")]
    }

    public static let known: [RecognitionLevel] = [.city, .provincial, .national]

    public var description: String {
        switch self {
        case .city: "city"
        case .provincial: "provincial"
        case .national: "national"
        default: "unspecified"
        }
    }
}
