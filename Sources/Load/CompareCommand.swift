import ArgumentParser
import Foundation
import JCSkillsLoad
import JCSkillsMessages

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Two runs' --json reports side by side, with the ratio B ÷ A of each figure.",
        discussion: """
            Above 1× means B is higher: better for throughput, worse for latency and errors.
            Example: jcskills-load compare before.json after.json
            """)

    @Argument(help: ArgumentHelp("The baseline report (jcskills-load … --json).", valueName: "A.json"))
    var a: String

    @Argument(help: ArgumentHelp("The report compared with it.", valueName: "B.json"))
    var b: String

    func run() throws {
        let comparison = ReportComparison(try load(a), try load(b))
        print(comparison.table(nameA: a, nameB: b))
    }

    private func load(_ path: String) throws -> LoadReport {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ValidationError(Messages.Load.cannotRead(path).text())
        }
        do {
            return try LoadReport.decode(json: data)
        } catch {
            throw ValidationError(Messages.Load.notAReport(path, error: "\(error)").text())
        }
    }
}
