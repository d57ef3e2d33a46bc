import Foundation
import JCSkillsPKI
import JCSkillsTestSupport
import SwiftASN1
import X509

/// A fresh directory under the system temporary directory, removed by `remove()`.
struct TemporaryDirectory {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory
            .appendingPathComponent("jcskills-pki-tests-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String { path + "/" + name }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

enum TestFiles {
    static func read(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
    }

    static func bytes(_ path: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: path))
    }

    static func certificate(_ path: String) throws -> Certificate {
        try Certificate(pemEncoded: read(path))
    }

    static func mode(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }
}

extension Certificate {
    var sanURIs: [String] {
        get throws {
            try (extensions.subjectAlternativeNames ?? SubjectAlternativeNames()).compactMap {
                if case .uniformResourceIdentifier(let uri) = $0 { return uri }
                return nil
            }
        }
    }

    var sanDNSNames: [String] {
        get throws {
            try (extensions.subjectAlternativeNames ?? SubjectAlternativeNames()).compactMap {
                if case .dnsName(let name) = $0 { return name }
                return nil
            }
        }
    }

    var sanIPAddresses: [[UInt8]] {
        get throws {
            try (extensions.subjectAlternativeNames ?? SubjectAlternativeNames()).compactMap {
                if case .ipAddress(let octets) = $0 { return Array(octets.bytes) }
                return nil
            }
        }
    }
}

/// Validates `leaf` against `roots` with swift-certificates' RFC 5280 policy at the current time.
func verify(_ leaf: Certificate, roots: [Certificate]) async -> CertificateValidationResult {
    var verifier = Verifier(rootCertificates: CertificateStore(roots)) {
        RFC5280Policy()
    }
    return await verifier.validate(leaf: leaf, intermediates: CertificateStore())
}

func isValid(_ result: CertificateValidationResult) -> Bool {
    if case .validCertificate = result { return true }
    return false
}

let opensslAvailable = onPath("openssl")

/// `deploy/pki/make-dev-pki.sh` in this package.
let makeDevPKIScript: String = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("deploy/pki/make-dev-pki.sh").path
