import ArgumentParser
import Foundation
import JCSkillsDemoData
import JCSkillsMessages
import JCSkillsProtocol
import JCSkillsRPC

/// `jcskills training enrol`: one person, or a file of them.
struct TrainingEnrol: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enrol",
        abstract: "Enrol a person in a course by ID number, or every row of an enrolments.csv.",
        discussion: """
            The service asks the registry for an active card first (registry unreachable: \
            UNAVAILABLE, nothing written), then applies its rules, each refusal naming one: \
            registered, key_group_member (a key-group course takes members only), no_overlap, \
            subsidised_per_year (at most 3 subsidised courses a person a year by default), \
            capacity. Each call carries its own idempotency key, so a call retried after a lost \
            answer takes one place, not two.
            A file (columns \(TrainingCSVFormat.enrolmentHeader.joined(separator: ","))) is a class \
            list, streamed to ImportEnrolments: the registry is asked once per message, rows are \
            enrolled in file order, a person already in the course counts as already registered \
            (uploading a list again enrols nobody twice), and every refused row is reported with \
            its line, column and rule. With --numbers each row is enrolled by its own Enrol call \
            instead (slower), and each enrolled row's number — which a provider's result file \
            names — is written out. Exit 0 when every row went in, 3 when some were refused.
            Examples:
              jcskills training enrol --course JC-2021-0013 --id-number 140524199001011239
              jcskills training enrol demo/enrolments.csv --numbers enrolled.csv
            """)
    @OptionGroup var target: TrainingCommand.Target
    @OptionGroup var input: CSVImportOptions
    @Option(name: .long, help: ArgumentHelp("The course's code.", valueName: "code")) var course: String?
    @Option(name: .customLong("id-number"), help: ArgumentHelp("The person's 18-character ID number.", valueName: "id")) var idNumber: String?
    @Argument(help: ArgumentHelp("An enrolments.csv instead of --course and --id-number.", valueName: "file")) var file: String?
    @Option(name: .long, help: ArgumentHelp("With a file: write every refused row to this CSV file.", valueName: "file")) var errors: String?
    @Option(name: .long, help: ArgumentHelp("With a file: enrol row by row and write course_code,id_number,enrolment_number of every enrolled row.", valueName: "file"))
    var numbers: String?
    // The service writes one transaction per message, after one registry look-up for all its rows.
    @Option(name: .long, help: "With a file: rows per message (and per database transaction).") var batch: Int = 500

    func validate() throws {
        if file == nil {
            guard course != nil, idNumber != nil else { throw ValidationError(Messages.Training.giveCourseAndID.text()) }
            guard errors == nil, numbers == nil else { throw ValidationError(Messages.Import.errorsAndNumbersGoWithFile.text()) }
        } else if course != nil || idNumber != nil {
            throw ValidationError(Messages.Training.courseAndIDOrFile.text())
        } else if batch < 1 {
            throw ValidationError(Messages.Import.batchAtLeastOne.text())
        }
    }

    func run() async throws {
        if let file { return try await enrolFile(file) }
        let request = EnrolmentRequest(courseCode: course!, idNumber: idNumber!)
        let view = try await target.call(attempts: 3) { client in
            try await client.unary(TrainingService.enrol, request, options: CallOptions(idempotencyKey: UUID().uuidString))
        }
        print(TrainingReports.enrolment(view))
    }

    private func enrolFile(_ file: String) async throws {
        let started = Date()
        let report: ImportReport
        if let numbers {
            let enrolled: [TrainingImports.Enrolled]
            (report, enrolled) = try await target.call(timeout: .seconds(60), attempts: 3) { client in
                try await TrainingImports.enrolments(file: file, encoding: input.encoding, client: client)
            }
            var sink = try FileCSVSink(path: numbers)
            try sink.writeRecord(TrainingCSVFormat.enrolmentHeader + ["enrolment_number"])
            for row in enrolled { try sink.writeRecord([row.courseCode, row.idNumber, row.number]) }
            try sink.close()
        } else {
            report = try await target.call(timeout: .seconds(24 * 3600)) { client in
                try await TrainingImports.classList.run(file: file, encoding: input.encoding, client: client, batchSize: batch)
            }
        }
        if let errors { try CSVImporter.writeErrors(report.summary, to: errors) }
        try CSVImporter.report(report, file: file, seconds: Date().timeIntervalSince(started))
    }
}
