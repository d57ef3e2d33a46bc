import ArgumentParser
import Foundation
import JCSkillsLoad
import JCSkillsMessages

struct CodecCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "codec",
        abstract: "Encode and decode the labour-registration record of docs/ANCHORS.md (120 bytes); ns per operation.",
        discussion: "For the comparison with swift-protobuf, run Benchmarks/run.sh.")

    @Option(name: .long, help: "Iterations of each of encode and decode.")
    var iterations: Int = 1_000_000

    @Flag(name: .long, help: "Print JSON.")
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
