import ArgumentParser
import Foundation
import JCSkillsLoad
import JCSkillsMessages

struct CodecCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "codec",
        abstract: Messages.Load.Help.encodeDecodeLabourRegistrationAbstract.text(),
        discussion: Messages.Load.Help.comparisonSwiftProtobufRunDiscussion.text())

    @Option(name: .long, help: ArgumentHelp(Messages.Load.Help.iterationsEachEncodeDecodeHelp.text()))
    var iterations: Int = 1_000_000

    @Flag(name: .long, help: ArgumentHelp(Messages.Load.Help.printJsonHelp.text()))
    var json = false

    func validate() throws {
        guard iterations > 0 else { throw ValidationError(Messages.Load.mustBePositive("--iterations").text()) }
    }

    func run() throws {
        let result = try CodecBenchmark.run(iterations: iterations)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(result), as: UTF8.self))
        } else {
            print(Messages.Load.codecRecord(bytes: result.encodedBytes, iterations: result.iterations).text())
            print(Messages.Load.codecTimes(encode: String(format: "%.0f", result.encodeNanoseconds), decode: String(format: "%.0f", result.decodeNanoseconds)).text())
        }
    }
}
