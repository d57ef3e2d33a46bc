import ArgumentParser
import Foundation
import JCSkillsLoad
import JCSkillsMessages

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: Messages.Load.Help.twoRunsJsonReportsAbstract.text(),
        discussion: Messages.Load.Help.aboveMeansBHigherDiscussion.text())

    @Argument(help: ArgumentHelp(Messages.Load.Help.baselineReportJcskillsLoadHelp.text(), valueName: "A.json"))
    var a: String

    @Argument(help: ArgumentHelp(Messages.Load.Help.reportComparedHelp.text(), valueName: "B.json"))
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
