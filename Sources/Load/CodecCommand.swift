import ArgumentParser
import Foundation
import JCSkillsLoad

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
        guard iterations > 0 else { throw ValidationError("--iterations must be positive") }
    }

    func run() throws {
        let result = try CodecBenchmark.run(iterations: iterations)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(result), as: UTF8.self))
        } else {
            print("record: \(result.encodedBytes) bytes encoded, \(result.iterations) iterations")
            print(String(format: "encode: %.0f ns/op\ndecode: %.0f ns/op", result.encodeNanoseconds, result.decodeNanoseconds))
        }
    }
}
