import ArgumentParser
import Foundation
import JCSkillsLoad
import JCSkillsMessages

struct StoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: Messages.Load.Help.storeSBulkInsertAbstract.text(),
        discussion: Messages.Load.Help.defaultTemporarySqliteFileDiscussion.text())

    @Option(name: .long, help: ArgumentHelp(Messages.Load.Help.rowsInsertHelp.text()))
    var rows: Int = 100_000

    @Option(name: .long, help: ArgumentHelp(Messages.Load.Help.rowsPerTransactionHelp.text()))
    var batch: Int = 20_000

    @Option(name: .long, help: ArgumentHelp(Messages.Load.Help.rowsPerInsertStatementHelp.text()))
    var rowsPerStatement: Int = 1_000

    @Option(name: .long, help: ArgumentHelp(Messages.Load.Help.batchesFlightOnceHelp.text()))
    var concurrency: Int = 2

    @Option(name: .long, help: ArgumentHelp(Messages.Load.Help.scratchPostgresqlDatabaseInsteadHelp.text(), valueName: "postgres://user:password@host:port/db"))
    var database: String?

    @Flag(name: .long, help: ArgumentHelp(Messages.Load.Help.printJsonHelp.text()))
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
