import Foundation
import Synchronization

/// A client's deny list of server certificates (``TLSFiles/revokedSerials``), read again when
/// the file changes: a serial added by `jcskills pki revoke` is refused from the next connection
/// on, without restarting the process that dials. Connections already established go on, as
/// on a server reloading its list.
final class RevokedSerialsFile: Sendable {
    let path: String
    private let loaded: Mutex<(stamp: Stamp?, serials: RevokedSerials)>

    private struct Stamp: Equatable {
        let modified: Date?
        let size: Int?
    }

    /// Reads the file now: a list that cannot be read or parsed fails the client's creation.
    init(path: String) throws {
        self.path = path
        let stamp = Self.stamp(path)
        loaded = Mutex((stamp, try RevokedSerials(contentsOf: path)))
    }

    /// The list as the file says now; the one read before when the file has become unreadable
    /// or invalid (fail safe: a bad edit does not forget the serials already revoked).
    func current() -> RevokedSerials {
        let stamp = Self.stamp(path)
        if let unchanged = loaded.withLock({ $0.stamp == stamp ? $0.serials : nil }) { return unchanged }
        guard let serials = try? RevokedSerials(contentsOf: path) else { return loaded.withLock { $0.serials } }
        loaded.withLock { $0 = (stamp, serials) }
        return serials
    }

    private static func stamp(_ path: String) -> Stamp? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return nil }
        return Stamp(modified: attributes[.modificationDate] as? Date, size: (attributes[.size] as? NSNumber)?.intValue)
    }
}
