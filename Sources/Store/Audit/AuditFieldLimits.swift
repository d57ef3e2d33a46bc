/// How much of each field an audit row keeps, in UTF-8 bytes.
///
/// The audit log is append-only and kept for years, and most of its fields come from the
/// caller: the request id from the call's metadata, the method name, the principal from the
/// certificate, an identifier or a message quoting the request. Uncapped, 20,000 refused calls
/// with a 15 KB request id added 378 MiB that no one may delete. Every row is cut here, in
/// ``AuditLog/append(_:on:service:)`` through which all rows pass, so a row is at most a few
/// KiB whatever the caller sends.
public enum AuditFieldLimits {
    /// Ours are 32 hex digits; a correlating system's (a UUID, a trace id) fit easily.
    public static let requestID = 128
    /// `jcskills://county/140524` and the like.
    public static let principal = 256
    /// `jcskills.registry.Registry/ImportEnterprises` and the like.
    public static let method = 256
    /// `person`, `enterprise`, a table name.
    public static let entity = 64
    /// A card number, a credit code, a blind index in hex.
    public static let entityID = 256
    /// A status name.
    public static let outcome = 64
    /// Free text: what changed, why a write failed.
    public static let detail = 1024

    /// `text` if it has at most `limit` UTF-8 bytes; otherwise its longest prefix that ends on a
    /// character (Unicode scalar) boundary and leaves room for a mark saying how long the
    /// original was, e.g. `abc…[cut, 15360 bytes]`. Never more than `limit` bytes.
    public static func cut(_ text: String, to limit: Int) -> String {
        let utf8 = text.utf8
        guard utf8.count > limit else { return text }
        let mark = "…[cut, \(utf8.count) bytes]"
        // A limit too small for the mark: as many whole characters as fit, unmarked.
        guard limit >= mark.utf8.count else { return prefix(text, bytes: max(0, limit)) }
        return prefix(text, bytes: limit - mark.utf8.count) + mark
    }

    /// The longest prefix of `text` of at most `bytes` UTF-8 bytes ending on a scalar boundary.
    private static func prefix(_ text: String, bytes: Int) -> String {
        let utf8 = text.utf8
        guard utf8.count > bytes else { return text }
        var end = utf8.index(utf8.startIndex, offsetBy: bytes)
        // Back off continuation bytes (10xxxxxx) to the start of the scalar they belong to.
        while end > utf8.startIndex, utf8[end] & 0b1100_0000 == 0b1000_0000 {
            end = utf8.index(before: end)
        }
        return String(decoding: utf8[..<end], as: UTF8.self)
    }

    static func cut(_ text: String?, to limit: Int) -> String? {
        text.map { cut($0, to: limit) }
    }
}
