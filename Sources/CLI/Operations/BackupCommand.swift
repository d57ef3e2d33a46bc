import ArgumentParser
import Foundation
import JCSkillsMessages
import JCSkillsServiceKit

/// `jcskills backup SERVICE --out DIR` (Sources/ServiceKit/Operations/ServiceBackup.swift).
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: Messages.Operations.backupAbstract.text(),
        discussion: Messages.Operations.backupDiscussion.text())

    @OptionGroup var store: StoreOptions

    @Option(name: .long, help: ArgumentHelp(Messages.Operations.outHelp.text(), valueName: "dir"))
    var out: String

    @Flag(name: .long, help: ArgumentHelp(Messages.Operations.noKeysHelp.text()))
    var noKeys = false

    func run() async throws {
        let settings = try store.settings()
        let started = Date()
        printError(Messages.Operations.backingUp(settings.kind.rawValue, postgres: settings.database != nil).text())
        var lines = ProgressLines()
        try await reportingOperationsFailure {
            let manifest = try ServiceBackup.backup(settings: settings, to: out, includeKeys: !noKeys) { lines.show($0) }
            print(Messages.Operations.backupDone(out, bytes: manifest.bytes, seconds: Date().timeIntervalSince(started)).text())
        }
    }
}
