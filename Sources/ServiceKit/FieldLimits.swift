import JCSkillsMessages

/// Bounds on the text fields a service stores, checked with the other field rules so that an
/// oversize field is one row's error and never the batch's.
///
/// Without them a 1 MB occupation reached the database: PostgreSQL refuses an index entry
/// that large, which failed the transaction — and with it the whole import — where SQLite took
/// it. And a message that quoted the field back made an import summary of a thousand row
/// errors too large to send.
public enum FieldLimits {
    /// Any text field, in bytes of UTF-8: what the command-line importer sends at most (4 KiB).
    public static let text = 4 * 1024
    /// Codes: occupation codes (`6-30-05-01`), operation categories, institution codes.
    public static let code = 64
    /// Names of persons, enterprises and institutions, in bytes of UTF-8 (a person's name is
    /// held to 50 characters by its own rule as well).
    public static let name = 200

    /// nil when `text` has at most `limit` bytes of UTF-8; otherwise the reason, which never
    /// quotes the text.
    public static func violation(_ text: String, limit: Int) -> Message? {
        let count = text.utf8.count
        return count <= limit ? nil : Messages.Refusals.tooLong(bytes: count, limit: limit)
    }

    /// `text` as a message may quote it: the first 40 characters, then `…`.
    public static func quote(_ text: String) -> String {
        guard text.utf8.count > 40 else { return text }
        let prefix = text.prefix(40)
        return prefix.count < text.count ? prefix + "…" : text
    }
}
