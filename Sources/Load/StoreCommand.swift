import ArgumentParser
import Foundation
import JCSkillsLoad
import JCSkillsMessages

struct StoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "The store's bulk-insert benchmark: sealed, blind-indexed person rows in audited batches; rows per second.",
        discussion: """
            By default on a temporary SQLite file, removed afterwards. With --database, on that
            PostgreSQL database: its bench_persons table is dropped and re-created, so name a
            scratch database. Example: jcskills-load store --rows 1000000 --batch 20000
            """)

    @Option(name: .long, help: "Rows to insert.")
    var rows: Int = 100_000

    @Option(name: .long, help: "Rows per transaction.")
    var batch: Int = 20_000

    @Option(name: .long, help: "Rows per INSERT statement.")
    var rowsPerStatement: Int = 1_000

    @Option(name: .long, help: "Batches in flight at once.")
    var concurrency: Int = 2

    @Option(name: .long, help: ArgumentHelp("A scratch PostgreSQL database instead of SQLite.", valueName: "postgres://user:password@host:port/db"))
    var database: String?

    @Flag(name: .long, help: "Print JSON.")
    var json = false

    func validate() throws {
        guard rows > 0, batch > 0, rowsPerStatement > 0, concurrency > 0 else {
            throw ValidationError(Messages.Load.storeSizesPositive.text())
        }
        if let database, !(database.hasPrefix("postgres://") || database.hasPrefix("postgresql://")) {
            throw ValidationError(Messages.Load.databaseURL.text())
        }
    }

    func run() async throws {
        let report = try await StoreLoad.run(
            rows: rows, batchSize: batch, rowsPerStatement: rowsPerStatement, concurrency: concurrency, database: database)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            print(report.table())
        }
    }
}
