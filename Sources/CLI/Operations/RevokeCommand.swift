import ArgumentParser
import Foundation
import JCSkillsMessages
import JCSkillsRPC
import NIOSSL

/// `jcskills pki revoke --list FILE CERT…`: adds certificates' serials to a deny list
/// (Sources/RPC/TLS/RevokedSerials.swift), which services read at start and on SIGHUP.
struct RevokeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke", abstract: Messages.Operations.revokeAbstract.text(),
        discussion: Messages.Operations.revokeDiscussion.text())

    @Option(name: .long, help: ArgumentHelp(Messages.Operations.revokeListHelp.text(), valueName: "file"))
    var list: String

    @Option(name: .long, help: ArgumentHelp(Messages.Operations.revokeSerialHelp.text(), valueName: "hex"))
    var serial: [String] = []

    @Argument(help: ArgumentHelp(Messages.Operations.revokeCertificatesHelp.text(), valueName: "certificate.crt"))
    var certificates: [String] = []

    func run() throws {
        var entries: [(serial: String, note: String)] = []
        for path in certificates {
            guard let certificate = try? NIOSSLCertificate.fromPEMFile(path).first else {
                throw ValidationError(Messages.Operations.cannotRead(path).text())
            }
            entries.append((RevokedSerials.hex(certificate.serialNumber), path))
        }
        for text in serial {
            guard let normalised = RevokedSerials(serials: [text]).serials.first else {
                throw ValidationError(Messages.Operations.badSerial(text).text())
            }
            entries.append((normalised, "--serial"))
        }
        guard !entries.isEmpty else { throw ValidationError(Messages.Operations.nothingToRevoke.text()) }
        let existing = try RevokedSerials(contentsOf: list)
        let stamp = ISO8601DateFormatter().string(from: Date())
        var text = (try? String(contentsOfFile: list, encoding: .utf8)) ?? ""
        if !text.isEmpty, !text.hasSuffix("\n") { text += "\n" }
        var added = 0
        for entry in entries where !existing.serials.contains(entry.serial) {
            text += "\(entry.serial)  # \(entry.note), \(stamp)\n"
            added += 1
        }
        guard FileManager.default.createFile(atPath: list + ".new", contents: Data(text.utf8), attributes: [.posixPermissions: 0o644]),
              rename(list + ".new", list) == 0 else {
            throw ValidationError(Messages.Operations.cannotWrite(list).text())
        }
        print(Messages.Operations.revoked(added, list: list).text())
    }
}
