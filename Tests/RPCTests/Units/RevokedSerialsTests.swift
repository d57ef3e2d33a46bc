import Foundation
import JCSkillsTestSupport
import JCSkillsRPC
import Testing

/// The deny list of revoked certificate serials (TLS/RevokedSerials.swift): its file format at
/// the edges, and how a certificate's serial bytes are compared with it. TLSReloadTests shows
/// the list at work in a running server.
@Suite("Revoked serials: the deny list's format and matching", .timeLimit(.minutes(1)))
struct RevokedSerialsTests {
    /// Leading zero bytes and digits do not matter: a serial is its value, whatever the DER
    /// integer's padding (a positive serial with its top bit set gets a 0x00 byte in front).
    @Test func aSerialIsComparedByItsValue() throws {
        let list = try RevokedSerials(text: "00:00:0a:ff\n", path: "test")
        #expect(list.serials == ["aff"])
        #expect(list.contains(serial: [0x0a, 0xff]))
        #expect(list.contains(serial: [0x00, 0x0a, 0xff]))
        #expect(!list.contains(serial: [0x0a, 0xff, 0x00]), "trailing zeros are part of the value")
        #expect(RevokedSerials.hex([0x00, 0x00]) == "0")
        #expect(RevokedSerials.hex([0x80, 0x01]) == "8001")
    }

    /// The forms `openssl x509 -serial` and people write: `serial=` prefix, `0x`, colons,
    /// upper case, spaces and tabs around, comments after `#`, blank lines.
    @Test func everyWrittenFormOfASerialIsRead() throws {
        let text = """
            # revoked 2026-12-01
            serial=0A1B

            \t0x2c:3D  # laptop lost
            00
            FF
            """
        let list = try RevokedSerials(text: text, path: "test")
        #expect(list.serials == ["a1b", "2c3d", "0", "ff"])
        #expect(list.count == 4)
        #expect(list.contains(serial: [0x00]))
    }

    /// A line that is not a serial stops the load, naming the file and the line (counted from
    /// 1, blank and comment lines included): a deny list half read would let revoked
    /// certificates in.
    @Test func aBadLineIsRefusedByNumber() throws {
        for (text, line) in [("ab\n\n# fine\nserial=\n", 4), ("ab\n12g4\n", 2), ("0x\n", 1), (":::\n", 1)] {
            do {
                _ = try RevokedSerials(text: text, path: "/etc/jcskills/revoked")
                Issue.record("\(text.debugDescription) was accepted")
            } catch let error as TLSFilesError {
                #expect(error.path == "/etc/jcskills/revoked")
                #expect(error.reason == "line \(line) is not a hexadecimal serial number", "\(text.debugDescription)")
            }
        }
    }

    /// An empty list matches nothing (not even serial 0); serials given in code are read the
    /// same way as the file's, and what is not a serial among them is left out.
    @Test func serialsGivenInCodeAreNormalisedToo() {
        #expect(!RevokedSerials.empty.contains(serial: [0x00]))
        let list = RevokedSerials(serials: ["0x00FF", "AB:CD", "not hex"])
        #expect(list.serials == ["ff", "abcd"])
        #expect(list.contains(serial: [0xab, 0xcd]))
    }

    /// A file that does not exist is an empty list (nothing revoked yet); one that exists but
    /// cannot be read is an error, not an empty list.
    @Test func aMissingFileIsEmptyAndAnUnreadableOneIsAnError() throws {
        let directory = try makeTemporaryDirectory("revoked")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(try RevokedSerials(contentsOf: "\(directory)/none") == .empty)
        try "serial=1F\n".write(toFile: "\(directory)/list", atomically: true, encoding: .utf8)
        #expect(try RevokedSerials(contentsOf: "\(directory)/list").serials == ["1f"])
        #expect(throws: TLSFilesError.self) { try RevokedSerials(contentsOf: directory) }
    }
}
