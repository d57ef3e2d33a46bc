import ArgumentParser
import JCSkillsMessages
import JCSkillsServiceKit

/// `jcskills keys rotate SERVICE` and `keys retire SERVICE [KEY…]`
/// (Sources/ServiceKit/Operations/ServiceKeys.swift).
struct KeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys", abstract: Messages.Operations.keysAbstract.text(), subcommands: [Rotate.self, Retire.self])

    struct Rotate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rotate", abstract: Messages.Operations.rotateAbstract.text(),
            discussion: Messages.Operations.rotateDiscussion.text())

        @OptionGroup var store: StoreOptions

        func run() async throws {
            try await reportingOperationsFailure {
                let (current, count) = try ServiceKeys.rotate(settings: try store.settings())
                print(Messages.Operations.rotated(current: current, count: count).text())
            }
        }
    }

    struct Retire: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "retire", abstract: Messages.Operations.retireAbstract.text(),
            discussion: Messages.Operations.retireDiscussion.text())

        @OptionGroup var store: StoreOptions

        @Argument(help: ArgumentHelp(Messages.Operations.retireKeysHelp.text(), valueName: "key"))
        var keys: [UInt32] = []

        func run() async throws {
            try await reportingOperationsFailure {
                let (retired, remaining) = try await ServiceKeys.retire(settings: try store.settings(), keys: keys)
                print(Messages.Operations.retired(retired, remaining: remaining).text())
            }
        }
    }
}
