import ArgumentParser
import Foundation
import JCSkillsMessages
import JCSkillsServiceKit

/// `jcskills restore SERVICE --from DIR` (Sources/ServiceKit/Operations/ServiceRestore.swift).
struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore", abstract: Messages.Operations.restoreAbstract.text(),
        discussion: Messages.Operations.restoreDiscussion.text())

    @OptionGroup var store: StoreOptions

    @Option(name: .long, help: ArgumentHelp(Messages.Operations.fromHelp.text(), valueName: "dir"))
    var from: String

    @Option(name: .long, help: ArgumentHelp(Messages.Operations.keysHelp.text(), valueName: "file"))
    var keys: String?

    @Flag(name: .long, help: ArgumentHelp(Messages.Operations.forceHelp.text()))
    var force = false

    @Flag(name: .long, help: ArgumentHelp(Messages.Operations.verifyOnlyHelp.text()))
    var verifyOnly = false

    func run() async throws {
        let settings = try store.settings()
        var lines = ProgressLines()
        try await reportingOperationsFailure {
            if verifyOnly {
                _ = try ServiceRestore.verify(from, service: settings.kind, keyFile: keys) { lines.show($0) }
                print(Messages.Operations.verifyDone(from).text())
                return
            }
            printError(Messages.Operations.restoring(settings.kind.rawValue, from).text())
            let manifest = try ServiceRestore.restore(from: from, settings: settings, keyFile: keys, force: force) { lines.show($0) }
            print(Messages.Operations.restoreDone(settings.kind.rawValue, created: manifest.created).text())
        }
    }
}
