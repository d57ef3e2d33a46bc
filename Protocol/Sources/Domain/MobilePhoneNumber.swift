/// A mainland China mobile number: 11 digits, `1` then `3`–`9`.
///
/// Parsing accepts the common ways people write one — with a `+86`/`86` country prefix, and
/// with spaces or hyphens between groups (`138 0013 8000`, `138-0013-8000`) — and stores the
/// bare 11 digits. Landlines and other countries' numbers are not accepted: the registry
/// texts workers about training.
public struct MobilePhoneNumber: Hashable, Sendable, CustomStringConvertible {
    /// Why a text is not a mobile number.
    public enum Error: Swift.Error, Hashable, Sendable, CustomStringConvertible {
        /// Not 11 digits once prefix and separators are removed; the payload is the count.
        case wrongLength(Int)
        /// A character that is not a digit, space or hyphen (or the leading `+`).
        case invalidCharacter
        /// 11 digits, but not starting `13`–`19`.
        case notAMobileNumber

        public var description: String {
            switch self {
            case .wrongLength(let count): "phone number has \(count) digits, expected 11"
            case .invalidCharacter: "phone number may contain only digits, spaces and hyphens"
            case .notAMobileNumber: "phone number is not a mobile number (must start 13-19)"
            }
        }
    }

    /// The 11 digits.
    public let value: String

    public static func parse(_ text: String) throws(Error) -> MobilePhoneNumber {
        var digits: [UInt8] = []
        digits.reserveCapacity(13)
        for (index, byte) in text.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits.append(byte)
            case UInt8(ascii: " "), UInt8(ascii: "-"): continue
            case UInt8(ascii: "+") where index == 0: continue
            default: throw .invalidCharacter
            }
        }
        if digits.count == 13, digits[0] == UInt8(ascii: "8"), digits[1] == UInt8(ascii: "6") {
            digits.removeFirst(2)
        }
        guard digits.count == 11 else { throw .wrongLength(digits.count) }
        guard digits[0] == UInt8(ascii: "1"), digits[1] >= UInt8(ascii: "3") else { throw .notAMobileNumber }
        return MobilePhoneNumber(value: String(decoding: digits, as: UTF8.self))
    }

    public var description: String { value }

    private init(value: String) { self.value = value }
}
