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
        abstract: "Register an event with its marking scheme and judges (flags, or an events.csv); list a competition's events.",
        subcommands: [Register.self, List.self])

    struct Register: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Register (or update, while it has no marks) one event from flags, or every row of an events.csv.",
            discussion: """
                A marking scheme is criteria of two types: measurement (one objective mark, \
                entered by any judge of the event) and judgement (three judges score it; its mark \
                is their mean, and a spread beyond the bound flags it for review). Maxima are in \
                marks and add up to exactly 100.00. Judges are codes of PKI identities \
                (judge-J01 presents jcskills://judge/J01; `jcskills pki init --extra judge-J01`); \
                judgement criteria need at least three. Once an event has marks its scheme is \
                fixed (scheme_fixed).
                A file has the columns \(CompetitionCSVFormat.eventHeader.joined(separator: ",")): \
                criteria as code:type:maximum[:description] separated by ';', judges separated by \
                ';', spread_bound in marks or empty for 20 % of each maximum; occupation_name is \
                for reading and not sent. Exit 0 when every row went in, 3 when some were refused.
                Examples:
                  jcskills competition event register --competition JC-2021-CITY --code E01 \\
                      --name 焊工（职工组） --occupation 6-18-02-04 --group workers \\
                      --criterion A1:measurement:30.00:尺寸 --criterion A2:measurement:20.00 \\
                      --criterion B1:judgement:35.00:外观 --criterion C1:measurement:15.00 \\
                      --judge J01 --judge J02 --judge J03
                  jcskills competition event register demo/events.csv
                """)
        @OptionGroup var target: CompetitionCommand.Target
        @OptionGroup var input: CSVImportOptions
        @OptionGroup var output: CompetitionCommand.Output
        @Argument(help: ArgumentHelp("An events.csv instead of the flags.", valueName: "file")) var file: String?
        @Option(name: .long, help: ArgumentHelp("The competition's code.", valueName: "code")) var competition: String?
        @Option(name: .long, help: ArgumentHelp("The event's code, unique in the competition (e.g. E01).", valueName: "code")) var code: String?
        @Option(name: .long, help: "The event's name.") var name: String?
        @Option(name: .long, help: ArgumentHelp("Occupation code of the 2022 catalogue; promotions are in it.", valueName: "code")) var occupation: String?
        @Option(name: .long, help: ArgumentHelp("workers (confirmed with the registry) or students (with their school).", valueName: "group"))
        var group: String = "workers"
        @Option(name: .long, help: ArgumentHelp("A criterion, code:type:maximum[:description], e.g. A1:measurement:25.00 (repeat; maxima add up to 100.00).", valueName: "criterion"))
        var criterion: [String] = []
        @Option(name: .long, help: ArgumentHelp("A judge's code, e.g. J01 (repeat).", valueName: "code")) var judge: [String] = []
        @Option(name: .customLong("spread-bound"), help: ArgumentHelp("Flag a judgement whose scores spread by more than this many marks (default: 20 % of its maximum).", valueName: "marks"))
        var spreadBound: String?
        @Option(name: .long, help: ArgumentHelp("With a file: write every refused row to this CSV file.", valueName: "file")) var errors: String?

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
            abstract: "A competition's events: state, entries, how many fully marked and flagged, judges and scheme.",
            discussion: "Example: jcskills competition event list --competition JC-2021-CITY")
        @OptionGroup var target: CompetitionCommand.Target
        @OptionGroup var output: CompetitionCommand.Output
        @Option(name: .long, help: ArgumentHelp("The competition's code.", valueName: "code")) var competition: String

        func run() async throws {
            let list = try await target.call { client in try await client.unary(CompetitionService.listEvents, CompetitionLookup(code: competition)) }
            print(output.json ? CompetitionJSON.render(["events": list.events.map(CompetitionJSON.event)]) : CompetitionReports.eventList(list))
        }
    }
}
