import ArgumentParser
import JCSkillsMessages
import JCSkillsServiceKit

/// `jcskills keys rotate SERVICE` (Sources/ServiceKit/Operations/ServiceKeys.swift).
struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys", abstract: Messages.Operations.keysAbstract.text(), subcommands: [Rotate.self])

    struct Rotate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rotate", abstract: Messages.Operations.rotateAbstract.text(),
            discussion: Messages.Operations.rotateDiscussion.text())

        @OptionGroup var store: StoreOptions

        func run() throws {
            try reportingOperationsFailure {
                let (current, count) = try ServiceKeys.rotate(settings: try store.settings())
                print(Messages.Operations.rotated(current: current, count: count).text())
            }
        }
    }
}
