import Foundation
import JCSkillsMessages
import JCSkillsStore

/// `jcskills-load store`: the store's bulk-insert benchmark (sealed person rows in audited
/// batches) on a throwaway SQLite file, or on a PostgreSQL database you name.
public enum StoreLoad {
    public struct Report: Codable, Sendable, Hashable {
        public var database: String
        public var rows: Int
        public var batchSize: Int
        public var rowsPerStatement: Int
        public var concurrency: Int
        public var seconds: Double
        public var rowsPerSecond: Double

        public func table(in language: Language = .current) -> String {
            typealias Words = Messages.Load
            func label(_ word: Message) -> String { TextWidth.padded(word.text(in: language), to: 12) + " " }
            return [
                label(Words.database) + database,
                label(Words.rows) + Words.rowsInBatches(Format.grouped(Double(rows)), batch: Format.grouped(Double(batchSize)),
                                                        perInsert: rowsPerStatement, inFlight: concurrency).text(in: language),
                label(Words.time) + Words.seconds(Format.fixed(seconds, 2)).text(in: language),
                label(Words.throughput) + Words.rowsPerSecond(Format.grouped(rowsPerSecond)).text(in: language),
            ].joined(separator: "\n")
        }
    }

    /// - Parameter database: a `postgres://` URL of a scratch database (its `bench_persons`
    ///   table is dropped and re-created); nil uses a temporary SQLite file, removed afterwards.
    public static func run(rows: Int, batchSize: Int, rowsPerStatement: Int, concurrency: Int, database: String?) async throws -> Report {
        let location: StoreLocation
        var scratch: String?
        if let database {
            location = .postgres(url: database)
        } else {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("jcskills-load-store-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            scratch = directory
            location = .sqlite(path: "\(directory)/bench.sqlite")
        }
        defer { if let scratch { try? FileManager.default.removeItem(atPath: scratch) } }
        let result = try await runBulkInsertBenchmark(
            location: location, rows: rows, batchSize: batchSize, rowsPerStatement: rowsPerStatement, concurrency: concurrency)
        return Report(
            database: database.map(redacted) ?? Messages.Load.temporarySQLite.text(), rows: result.rows, batchSize: batchSize,
            rowsPerStatement: rowsPerStatement, concurrency: concurrency, seconds: result.seconds,
            rowsPerSecond: result.rowsPerSecond)
    }

    /// The URL without its password, for reports.
    static func redacted(_ url: String) -> String {
        guard let scheme = url.range(of: "://"), let at = url.range(of: "@", range: scheme.upperBound..<url.endIndex) else { return url }
        let credentials = url[scheme.upperBound..<at.lowerBound]
        guard let colon = credentials.firstIndex(of: ":") else { return url }
        return url.replacingCharacters(in: colon..<at.lowerBound, with: ":***")
    }
}
