import Foundation
import JCSkillsStore
import JCSkillsTestSupport
import SQLKit
import Testing

@Suite(.timeLimit(.minutes(3)))
struct GroupCommitCrashTests {
    /// Kill -9 a writer whose 16 concurrent writers share commits, twice; every acknowledged
    /// write must survive, and no write may be half there. (The single-writer version is in
    /// CrashSafetyTests.swift.)
    @Test(arguments: TestDatabases.backends)
    func acknowledgedGroupedWritesSurviveSIGKILL(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { location in
            let argument: String = switch location {
            case .sqlite(let path): path
            case .postgres(let url): url
            }
            var acknowledged: [Int] = []
            var grouped = false
            for _ in 0..<2 {
                // The second run reopens the killed database (recovery) and carries on.
                let output = try await runAndKillOutput(argument, acknowledgements: 300, arguments: ["1000000", "16"])
                acknowledged += acknowledgedBatches(in: output)
                // "grouped W C": W writes in C commits so far in that run.
                for line in output.split(separator: "\n") where line.hasPrefix("grouped ") {
                    let numbers = line.split(separator: " ").dropFirst().compactMap { Int($0) }
                    if numbers.count == 2, numbers[1] < numbers[0] { grouped = true }
                }
            }
            #expect(acknowledged.count >= 600)
            #expect(grouped, "the writers never shared a commit, so this test proved nothing about groups")

            try await withOpenStore(testConfiguration("crash", location), migrations: crashMigrations) { store in
                let parts = try await wholeBatches(in: store, acknowledged: acknowledged)
                // Each batch's audit row committed with it, whatever group carried it.
                #expect(try await store.count("jcs_audit_log", where: "method = 'crash.Write'") == parts.count)
            }
        }
    }
}
