import Foundation
import JCSkillsMessages
import JCSkillsTestSupport
import Testing
@testable import JCSkillsLoad

@Suite("Formatting, ports, store wiring")
struct SmallPartsTests {
    @Test("the progress line, in English and (the default) in Chinese")
    func progressLine() {
        #expect(LoadProgress(completed: 41_000, failures: 0, measuredSeconds: 4).line(in: .en)
            == "    41,000 calls     4.0 s     10,250 calls/s  0 errors")
        #expect(LoadProgress(completed: 0, failures: 3, measuredSeconds: -0.4).line(in: .en) == "warming up … 3 errors")
        #expect(LoadProgress(completed: 41_000, failures: 0, measuredSeconds: 4).line(in: .zh)
            == "    41,000 次调用     4.0 秒     10,250 次/秒  0 个错误")
    }

    @Test("each service's default endpoint (docs/DESIGN.md §7)")
    func ports() {
        #expect(ServicePorts.defaultEndpoint("gateway") == "127.0.0.1:7100")
        #expect(ServicePorts.defaultEndpoint("registry") == "127.0.0.1:7101")
        #expect(ServicePorts.defaultEndpoint("competition") == "127.0.0.1:7104")
        #expect(ServicePorts.defaultEndpoint("nothing") == nil)
    }

    @Test("a PostgreSQL password never reaches a report")
    func redaction() {
        #expect(StoreLoad.redacted("postgres://bench:s3cret@127.0.0.1:5432/scratch") == "postgres://bench:***@127.0.0.1:5432/scratch")
        #expect(StoreLoad.redacted("postgres://127.0.0.1/scratch") == "postgres://127.0.0.1/scratch")
    }

    @Test("store: a small bulk insert on a temporary SQLite file reports rows/s")
    func storeRun() async throws {
        let started = ContinuousClock.now
        let report = try await withTimeout(.seconds(60)) {
            try await StoreLoad.run(rows: 500, batchSize: 200, rowsPerStatement: 100, concurrency: 2, database: nil)
        }
        let elapsed = ContinuousClock.now - started
        #expect(report.rows == 500)
        // The rate is the rows over the measured time, and that time lies within the call's.
        #expect(report.seconds > 0 && report.seconds <= Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        #expect(abs(report.rowsPerSecond * report.seconds - 500) < 0.001, "\(report.rowsPerSecond) rows/s over \(report.seconds) s")
        #expect(report.database.contains("SQLite"))
    }
}
