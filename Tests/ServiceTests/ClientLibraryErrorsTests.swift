import Foundation
import JCSkillsTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The libraries' errors as `jcskills` prints them (the real executable): in the catalogue's
/// words, Chinese by default, the libraries' own English with `--lang en`.
@Suite("The client: the libraries' errors in the user's language", .timeLimit(.minutes(2)))
struct ClientLibraryErrorsTests {
    /// `jcskills ARGUMENTS --lang LANGUAGE` in a scratch directory: its exit status and what it printed.
    static func jcskills(_ arguments: [String], language: String) async throws -> (status: Int32?, output: String) {
        let home = try makeTemporaryDirectory("jcskills-library-errors")
        defer { try? FileManager.default.removeItem(atPath: home) }
        let process = try launch("jcskills", arguments + ["--lang", language], log: "\(home)/output")
        let status = await waitForExit(process, seconds: 60)
        if status == nil {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        return (status, (try? String(contentsOfFile: "\(home)/output", encoding: .utf8)) ?? "")
    }

    @Test("pki init: a bad identity, the CA's reserved name, a CA key without its certificate")
    func developmentPKI() async throws {
        let directory = try makeTemporaryDirectory("pki-errors")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let out = "\(directory)/pki"

        let badChinese = try await Self.jcskills(["pki", "init", "--out", out, "--extra", "bad id!"], language: "zh")
        #expect(badChinese.status != 0)
        #expect(badChinese.output.hasPrefix("错误：身份“bad id!”无效：身份名为 1–64 个字母"), "\(badChinese.output)")
        let badEnglish = try await Self.jcskills(["pki", "init", "--out", out, "--extra", "bad id!"], language: "en")
        #expect(badEnglish.output.contains("invalid identity \"bad id!\": ids are 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit"),
                "\(badEnglish.output)")
        let reserved = try await Self.jcskills(["pki", "init", "--out", out, "--extra", "ca"], language: "zh")
        #expect(reserved.output.contains("“ca”留给 CA 自己的文件"), "\(reserved.output)")

        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        try "not a key".write(toFile: "\(out)/ca.key", atomically: true, encoding: .utf8)
        let orphan = try await Self.jcskills(["pki", "init", "--out", out], language: "zh")
        #expect(orphan.status != 0)
        #expect(orphan.output.contains("不会覆盖 \(out)/ca.key：目录中有 CA 私钥却没有 ca.crt"), "\(orphan.output)")
    }
}
