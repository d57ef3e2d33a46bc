import Foundation
import JCSkillsStore
import JCSkillsTestSupport
import SQLKit
import Synchronization
import Testing

/// Same schema and payload as `Tests/StoreCrashWriter/main.swift`.
let crashMigrations = [
    Migration(1, "crash pairs") { d in [
        """
        CREATE TABLE crash_pairs (
            batch \(d.bigint) NOT NULL,
            part INTEGER NOT NULL,
            payload TEXT NOT NULL,
            PRIMARY KEY (batch, part))
        """,
    ] },
]

func payload(batch: Int, part: Int) -> String {
    "batch \(batch) part \(part) " + String(repeating: "\(batch % 10)", count: 600)
}

/// The crash writer built next to this test bundle (SwiftPM builds it first: StoreTests
/// depends on it).
private func crashWriterExecutable() throws -> URL {
    let name = "jcskills-store-crash-writer"
    let starts = [URL(fileURLWithPath: CommandLine.arguments[0]), Bundle.main.bundleURL, Bundle.main.executableURL]
    for start in starts.compactMap({ $0 }) {
        var directory = start.deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = directory.appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory.deleteLastPathComponent()
        }
    }
    throw StoreError(.invalidConfiguration, "\(name) not found near \(CommandLine.arguments[0]); run `swift build` first")
}

/// Runs the writer until it has acknowledged `acknowledgements` more writes, SIGKILLs it, and
/// returns the batch numbers it acknowledged.
private func runAndKill(_ location: String, acknowledgements: Int) async throws -> [Int] {
    acknowledgedBatches(in: try await runAndKillOutput(location, acknowledgements: acknowledgements))
}

/// The batch numbers of the complete "ack N" lines of the writer's output.
func acknowledgedBatches(in text: String) -> [Int] {
    // Only complete lines count: "ack 12" cut short could read as "ack 1".
    text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        .compactMap { $0.hasPrefix("ack ") ? Int($0.dropFirst(4)) : nil }
}

/// Runs the writer (with `arguments` after the location) until it has acknowledged
/// `acknowledgements` more writes, SIGKILLs it, and returns everything it printed.
func runAndKillOutput(_ location: String, acknowledgements: Int, arguments: [String] = []) async throws -> String {
    let process = Process()
    process.executableURL = try crashWriterExecutable()
    process.arguments = [location] + arguments
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    let received = Mutex(Data())
    output.fileHandleForReading.readabilityHandler = { handle in
        let chunk = handle.availableData
        received.withLock { $0.append(chunk) }
    }
    try process.run()
    defer { output.fileHandleForReading.readabilityHandler = nil }

    func acknowledged() -> [Int] {
        acknowledgedBatches(in: received.withLock { String(decoding: $0, as: UTF8.self) })
    }

    let deadline = ContinuousClock.now + .seconds(60)
    var firstSeen: Int?
    while process.isRunning, ContinuousClock.now < deadline {
        let acks = acknowledged()
        if firstSeen == nil, let first = acks.first { firstSeen = first }
        if let first = firstSeen, let last = acks.last, last - first + 1 >= acknowledgements { break }
        try await Task.sleep(for: .milliseconds(5))
    }
    let wasRunning = process.isRunning
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    output.fileHandleForReading.readabilityHandler = nil
    let rest = output.fileHandleForReading.readDataToEndOfFile()
    received.withLock { $0.append(rest) }
    if !wasRunning {
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        Issue.record("the crash writer exited by itself (status \(process.terminationStatus)): \(stderr)")
    }
    #expect(process.terminationReason == .uncaughtSignal)
    return received.withLock { String(decoding: $0, as: UTF8.self) }
}

@Suite(.timeLimit(.minutes(3)))
struct CrashSafetyTests {
    /// Kill -9 a writer twice in the middle of a stream of acknowledged writes; every
    /// acknowledged write must survive, and no write may be half there.
    @Test(arguments: TestDatabases.backends)
    func acknowledgedWritesSurviveSIGKILL(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { location in
            let argument: String = switch location {
            case .sqlite(let path): path
            case .postgres(let url): url
            }
            var acknowledged: [Int] = []
            for _ in 0..<2 {
                // The second run reopens the killed database (recovery) and carries on.
                acknowledged += try await runAndKill(argument, acknowledgements: 150)
            }
            let lastAcknowledged = try #require(acknowledged.max())
            #expect(acknowledged.count >= 300)

            try await withOpenStore(testConfiguration("crash", location), migrations: crashMigrations) { store in
                let parts = try await wholeBatches(in: store, acknowledged: acknowledged)
                // Batches are consecutive, and at most one committed without its acknowledgement
                // being read (the kill can land between commit and print) per run.
                let stored = parts.keys.sorted()
                #expect(stored == stored.indices.map { $0 + 1 })
                #expect((stored.last ?? 0) <= lastAcknowledged + 1)
                // The audit rows committed with their writes, one per batch.
                #expect(try await store.count("jcs_audit_log", where: "method = 'crash.Write'") == stored.count)
            }
        }
    }
}

/// The crash writer's batches found in `store`, by batch: their parts (each batch writes parts 1
/// and 2 in one transaction), every payload checked. Expects every acknowledged batch whole and
/// no batch half there.
func wholeBatches(in store: Store, acknowledged: [Int], sourceLocation: SourceLocation = #_sourceLocation) async throws -> [Int: Set<Int>] {
    let rows = try await store.read { db in
        try await db.select().columns("batch", "part", "payload").from("crash_pairs").all()
    }
    var parts: [Int: Set<Int>] = [:]
    for row in rows {
        let batch = try row.decode(column: "batch", as: Int.self)
        let part = try row.decode(column: "part", as: Int.self)
        parts[batch, default: []].insert(part)
        #expect(try row.decode(column: "payload", as: String.self) == payload(batch: batch, part: part), sourceLocation: sourceLocation)
    }
    let missing = acknowledged.filter { parts[$0] != [1, 2] }
    #expect(missing.isEmpty, "acknowledged but not (fully) stored: \(missing.prefix(10))", sourceLocation: sourceLocation)
    let partial = parts.filter { $0.value != [1, 2] }.keys.sorted()
    #expect(partial.isEmpty, "half-written batches: \(partial.prefix(10))", sourceLocation: sourceLocation)
    return parts
}
