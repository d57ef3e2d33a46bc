import Foundation
import JCSkillsTestSupport

/// A PostgreSQL cluster of the test's own (initdb, pg_ctl), so that the test can take the
/// database away from a running service and bring it back on the same port — which the shared
/// cluster of `scripts/with-postgres.sh` must not do to the other tests. Under root it runs as
/// the `postgres` user, as PostgreSQL insists. Test data only: fsync off.
struct LocalPostgres {
    /// Where PostgreSQL's server programs are: `pg_ctl` on PATH, else the newest
    /// `/usr/lib/postgresql/*/bin` (Debian's packages keep them off PATH). Nil when not installed.
    static let binDirectory: String? = {
        if onPath("pg_ctl"), onPath("initdb"), let found = try? runBlocking(["which", "pg_ctl"]), found.status == 0 {
            return (found.output.trimmingCharacters(in: .whitespacesAndNewlines) as NSString).deletingLastPathComponent
        }
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        return versions.sorted { $0.compare($1, options: .numeric) == .orderedAscending }
            .map { "/usr/lib/postgresql/\($0)/bin" }
            .last { FileManager.default.isExecutableFile(atPath: "\($0)/pg_ctl") && FileManager.default.isExecutableFile(atPath: "\($0)/initdb") }
    }()

    /// Whether this machine can run a cluster here: the programs, and under root a `postgres` user.
    static var available: Bool {
        guard binDirectory != nil else { return false }
        return getuid() != 0 || (try? runBlocking(["id", "postgres"]))?.status == 0
    }

    let directory: String
    let port: Int
    private let bin: String

    var url: String { "postgres://postgres@127.0.0.1:\(port)/postgres?sslmode=disable" }
    private var data: String { "\(directory)/data" }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Creates the cluster (not started) on a port that is free now.
    init() async throws {
        guard let bin = Self.binDirectory else { throw Failure(description: "PostgreSQL is not installed") }
        self.bin = bin
        directory = try makeTemporaryDirectory("jcskills-local-pg")
        port = try freeLoopbackPort()
        if getuid() == 0 { try check(await run(["chown", "postgres:", directory]), "chown") }
        try check(await asOwner(["\(bin)/initdb", "-D", data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync"]),
                  "initdb")
    }

    /// Starts the server and waits until it accepts connections.
    func start() async throws {
        try check(await asOwner([
            "\(bin)/pg_ctl", "-D", data, "-l", "\(directory)/server.log", "-w", "-t", "30",
            "-o", "-p \(port) -k \(directory) -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off",
            "start",
        ]), "pg_ctl start")
    }

    /// Stops the server: `fast` ends every session at once (clients see their connections
    /// closed), as when a database host is taken down; `immediate` is a crash.
    func stop(mode: String = "fast") async throws {
        try check(await asOwner(["\(bin)/pg_ctl", "-D", data, "-m", mode, "-w", "-t", "30", "stop"]), "pg_ctl stop")
    }

    /// Stops the server if it runs and deletes the cluster (from a `defer`, so on this thread).
    func remove() {
        let stop = ["\(bin)/pg_ctl", "-D", data, "-m", "immediate", "-w", "-t", "30", "stop"]
        _ = try? runBlocking(getuid() == 0 ? ["runuser", "-u", "postgres", "--"] + stop : stop)
        try? FileManager.default.removeItem(atPath: directory)
    }

    var serverLog: String { (try? String(contentsOfFile: "\(directory)/server.log", encoding: .utf8)) ?? "" }

    private func asOwner(_ arguments: [String]) async throws -> (status: Int32, output: String) {
        try await run(getuid() == 0 ? ["runuser", "-u", "postgres", "--"] + arguments : arguments)
    }

    private func check(_ result: (status: Int32, output: String), _ what: String) throws {
        guard result.status == 0 else {
            throw Failure(description: "\(what) failed (\(result.status)): \(result.output)\n\(serverLog)")
        }
    }
}
