import Foundation
import JCSkillsRPC
import JCSkillsTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Runs the built `jcskills SERVICE ARGUMENTS` against `endpoint` as `identity` (the test PKI),
/// as a clerk would, in `language` (English by default: most tests read its English texts);
/// killed if it runs past `seconds`. Its exit status (nil when killed) and everything it printed.
func runClientCommand(_ service: String, _ arguments: [String], endpoint: Endpoint, as identity: String = "admin",
                      language: String = "en", seconds: Double = 60) async throws -> (status: Int32?, output: String) {
    let home = try makeTemporaryDirectory("jcskills-\(service)-command")
    defer { try? FileManager.default.removeItem(atPath: home) }
    let process = try launch("jcskills", [service] + arguments + [
        "--endpoint", "127.0.0.1:\(endpoint.port)", "--tls", TestPKI.shared.directory, "--as", identity, "--lang", language,
    ], log: "\(home)/output")
    let status = await waitForExit(process, seconds: seconds)
    if status == nil {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
    return (status, (try? String(contentsOfFile: "\(home)/output", encoding: .utf8)) ?? "")
}

/// The output of a `--json` command as an object.
func jsonObject(_ output: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any], "\(output)")
}
