import ArgumentParser
import Foundation
import JCSkillsDemoData
import JCSkillsMessages
import JCSkillsProtocol
import JCSkillsRPC

/// `jcskills competition event register|list`.
struct CompetitionEvents: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "event",
        abstract: Messages.Competition.Help.registerEventMarkingSchemeAbstract.text(),
        subcommands: [Register.self, List.self])

    struct Register: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Messages.Competition.Help.registerUpdateWhileHasAbstract.text(),
            discussion: Messages.Competition.Help.markingSchemeCriteriaTwoDiscussion("\(CompetitionCSVFormat.eventHeader.joined(separator: ","))").text())
        @OptionGroup var target: CompetitionCommand.Target
        @OptionGroup var input: CSVImportOptions
        @OptionGroup var output: CompetitionCommand.Output
        @Argument(help: ArgumentHelp(Messages.Competition.Help.eventsCsvInsteadFlagsHelp.text(), valueName: "file")) var file: String?
        @Option(name: .long, help: ArgumentHelp(Messages.Competition.Help.competitionSCodeHelp.text(), valueName: "code")) var competition: String?
        @Option(name: .long, help: ArgumentHelp(Messages.Competition.Help.eventSCodeUniqueHelp.text(), valueName: "code")) var code: String?
        @Option(name: .long, help: ArgumentHelp(Messages.Competition.Help.eventSNameHelp.text())) var name: String?
        @Option(name: .long, help: ArgumentHelp(Messages.Competition.Help.occupationCodeCataloguePromotionsHelp.text(), valueName: "code")) var occupation: String?
        @Option(name: .long, help: ArgumentHelp(Messages.Competition.Help.workersConfirmedRegistryStudentsHelp.text(), valueName: "group"))
        var group: String = "workers"
        @Option(name: .long, help: ArgumentHelp(Messages.Competition.Help.criterionCodeTypeMaximumHelp.text(), valueName: "criterion"))
        var criterion: [String] = []
        @Option(name: .long, help: ArgumentHelp(Messages.Competition.Help.judgeSCodeJHelp.text(), valueName: "code")) var judge: [String] = []
        @Option(name: .customLong("spread-bound"), help: ArgumentHelp(Messages.Competition.Help.flagJudgementWhoseScoresHelp.text(), valueName: "marks"))
        var spreadBound: String?
        @Option(name: .long, help: ArgumentHelp(Messages.Competition.Help.fileWriteEveryRefusedHelp.text(), valueName: "file")) var errors: String?

        func validate() throws {
            let flags = competition != nil || code != nil || name != nil || occupation != nil || !criterion.isEmpty || !judge.isEmpty || spreadBound != nil
            if file != nil {
                guard !flags else { throw ValidationError(Messages.Competition.giveEventOrFile.text()) }
                return
            }
            guard errors == nil else { throw ValidationError(Messages.Import.errorsGoWithFile.text()) }
            guard competition != nil, code != nil, name != nil, occupation != nil else {
                throw ValidationError(Messages.Competition.giveEventFlags.text())
            }
            guard !criterion.isEmpty else { throw ValidationError(Messages.Competition.giveScheme.text()) }
            guard !judge.isEmpty else { throw ValidationError(Messages.Competition.giveJudges.text()) }
        }

        func run() async throws {
            if let file {
                let started = Date()
                let report = try await target.call { client in try await CompetitionImports.events(file: file, encoding: input.encoding, client: client) }
                if let errors { try CSVImporter.writeErrors(report.summary, to: errors) }
                return try CSVImporter.report(report, file: file, seconds: Date().timeIntervalSince(started))
            }
            let event = try makeEvent()
            let view = try await target.call { client in try await client.unary(CompetitionService.registerEvent, event) }
            print(output.json ? CompetitionJSON.render(CompetitionJSON.event(view)) : CompetitionReports.event(view))
        }

        private func makeEvent() throws -> Event {
            var event = Event()
            event.competitionCode = competition!
            event.code = code!
            event.name = name!
            event.occupation = occupation!
            guard let group = CompetitionCSVFormat.group.value(for: group), ParticipantGroup.known.contains(group) else {
                throw ValidationError(Messages.Competition.badGroup(self.group).text())
            }
            event.group = group
            for text in criterion {
                guard let parsed = CompetitionCSVFormat.parseCriterion(text) else {
                    throw ValidationError(Messages.Competition.badCriterion(text).text())
                }
                event.criteria.append(parsed)
            }
            let total = event.criteria.reduce(UInt32(0)) { $0 + $1.maximum }
            guard total == 10_000 else {
                throw ValidationError(Messages.Competition.maximaTotal(CompetitionCSVFormat.formatMarks(total)).text())
            }
            event.judges = judge
            if let spreadBound {
                guard let value = CompetitionCSVFormat.parseMarks(spreadBound) else { throw ValidationError(Messages.Competition.badSpreadBound(spreadBound).text()) }
                event.spreadBound = value
            }
            return event
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Messages.Competition.Help.competitionSEventsStateAbstract.text(),
            discussion: Messages.Competition.Help.exampleJcskillsCompetitionEventDiscussion.text())
        @OptionGroup var target: CompetitionCommand.Target
        @OptionGroup var output: CompetitionCommand.Output
        @Option(name: .long, help: ArgumentHelp(Messages.Competition.Help.competitionSCodeHelp.text(), valueName: "code")) var competition: String

        func run() async throws {
            let list = try await target.call { client in try await client.unary(CompetitionService.listEvents, CompetitionLookup(code: competition)) }
            print(output.json ? CompetitionJSON.render(["events": list.events.map(CompetitionJSON.event)]) : CompetitionReports.eventList(list))
        }
    }
}
