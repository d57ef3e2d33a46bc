import Foundation
import JCSkillsProtocol

/// The serial numbers of certificates that must no longer be accepted, from a deny-list file.
///
/// One serial per line in hexadecimal, as `openssl x509 -serial` prints it (`serial=` prefix,
/// colons, case and leading zeros do not matter); blank lines and `#` comments are ignored.
/// `jcskills pki revoke` appends to such a file. A serial is only unique per issuing CA: the list
/// is meant for the deployment's own CA.
public struct RevokedSerials: Sendable, Hashable {
    public private(set) var serials: Set<String>

    public static let empty = RevokedSerials(serials: [])

    public init(serials: Set<String>) {
        self.serials = Set(serials.compactMap(Self.normalise))
    }

    /// Reads `path`; a file that does not exist is an empty list (nothing revoked yet).
    public init(contentsOf path: String) throws {
        guard FileManager.default.fileExists(atPath: path) else {
            self = .empty
            return
        }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw TLSFilesError(path: path, reason: "cannot read the revoked-serials file")
        }
        try self.init(text: text, path: path)
    }

    public init(text: String, path: String) throws {
        var serials: Set<String> = []
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            guard let serial = Self.normalise(trimmed) else {
                throw TLSFilesError(path: path, reason: "line \(number + 1) is not a hexadecimal serial number")
            }
            serials.insert(serial)
        }
        self.serials = serials
    }

    public var count: Int { serials.count }

    /// Whether a certificate with this serial (its DER integer's bytes) is listed.
    public func contains(serial bytes: [UInt8]) -> Bool {
        !serials.isEmpty && serials.contains(Self.hex(bytes))
    }

    /// Lower-case hexadecimal without leading zeros: how serials are compared.
    public static func hex(_ bytes: [UInt8]) -> String {
        let text = lowercaseHex(bytes)
        let trimmed = text.drop { $0 == "0" }
        return trimmed.isEmpty ? "0" : String(trimmed)
    }

    static func normalise(_ text: String) -> String? {
        var value = text.lowercased()
        if value.hasPrefix("serial=") { value.removeFirst("serial=".count) }
        if value.hasPrefix("0x") { value.removeFirst(2) }
        value.removeAll { $0 == ":" }
        guard !value.isEmpty, value.allSatisfy(\.isHexDigit) else { return nil }
        let trimmed = value.drop { $0 == "0" }
        return trimmed.isEmpty ? "0" : String(trimmed)
    }
}
