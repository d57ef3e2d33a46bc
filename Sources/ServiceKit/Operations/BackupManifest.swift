import Foundation
import JCSkillsMessages

/// `manifest.json` of a backup directory: what `jcskills backup` wrote, enough for
/// `jcskills restore` to verify it before touching anything.
///
/// A backup directory (mode 0700) holds the manifest, the database copy — `<service>.sqlite`
/// (SQLite's online backup API) or `<service>.pgdump` (`pg_dump --format=custom`) — and, unless
/// left out, `sealing.keys` (mode 0600), without which no sealed name, ID number or phone in the
/// copy can be read.
public struct BackupManifest: Codable, Sendable, Hashable {
    public static let fileName = "manifest.json"
    public static let currentFormat = "jcskills-backup 1"

    public enum StoreKind: String, Codable, Sendable {
        case sqlite
        case postgresql
    }

    public var format: String
    /// `registry`, `training`, …: a backup is restored into the same service only.
    public var service: String
    public var store: StoreKind
    /// The database copy's file name in the directory.
    public var file: String
    public var bytes: Int
    public var sha256: String
    /// When the copy was taken (ISO 8601, UTC).
    public var created: String
    /// `sealing.keys` when the key file was copied beside, nil when it was left out.
    public var keyFile: String?
    /// The index key's fingerprint the data was written with (never the key itself): the key
    /// file used at restore must have the same.
    public var keyFingerprint: String?
    /// PostgreSQL: the tables whose data the dump holds.
    public var tables: [String]?

    public func write(to directory: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let path = (directory as NSString).appendingPathComponent(Self.fileName)
        guard FileManager.default.createFile(atPath: path, contents: try encoder.encode(self) + Data("\n".utf8),
                                             attributes: [.posixPermissions: 0o600]) else {
            throw OperationsError(Messages.Operations.cannotWrite(path))
        }
    }

    public static func read(from directory: String) throws -> BackupManifest {
        let path = (directory as NSString).appendingPathComponent(fileName)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw OperationsError(Messages.Operations.noManifest(path))
        }
        guard let manifest = try? JSONDecoder().decode(BackupManifest.self, from: data), manifest.format == currentFormat else {
            throw OperationsError(Messages.Operations.badManifest(path, expected: currentFormat))
        }
        return manifest
    }
}

/// A backup or restore that cannot go on, in the user's language.
public struct OperationsError: Error, CustomStringConvertible {
    public let message: Message
    public init(_ message: Message) { self.message = message }
    public var description: String { message.text() }
}
