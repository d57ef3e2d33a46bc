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
        abstract: Messages.Training.Help.enrolPersonCourseIdAbstract.text(),
        discussion: Messages.Training.Help.serviceAsksRegistryActiveDiscussion("\(TrainingCSVFormat.enrolmentHeader.joined(separator: ","))").text())
    @OptionGroup var target: TrainingCommand.Target
    @OptionGroup var input: CSVImportOptions
    @Option(name: .long, help: ArgumentHelp(Messages.Training.Help.courseSCodeHelp.text(), valueName: "code")) var course: String?
    @Option(name: .customLong("id-number"), help: ArgumentHelp(Messages.Training.Help.personSCharacterIdHelp.text(), valueName: "id")) var idNumber: String?
    @Option(name: .long, help: ArgumentHelp(Messages.Training.Help.dayPersonEnrolledHelp.text(), valueName: "date")) var on: String?
    @Argument(help: ArgumentHelp(Messages.Training.Help.enrolmentsCsvInsteadCourseHelp.text(), valueName: "file")) var file: String?
    @Option(name: .long, help: ArgumentHelp(Messages.Training.Help.fileWriteEveryRefusedHelp.text(), valueName: "file")) var errors: String?
    @Option(name: .long, help: ArgumentHelp(Messages.Training.Help.fileEnrolRowRowHelp.text(), valueName: "file"))
    var numbers: String?
    // The service writes one transaction per message, after one registry look-up for all its rows.
    @Option(name: .long, help: ArgumentHelp(Messages.Training.Help.fileRowsPerMessageHelp.text())) var batch: Int = TrainingImports.rowsPerMessage

    func validate() throws {
        if file == nil {
            guard course != nil, idNumber != nil else { throw ValidationError(Messages.Training.giveCourseAndID.text()) }
            guard errors == nil, numbers == nil else { throw ValidationError(Messages.Import.errorsAndNumbersGoWithFile.text()) }
        } else if course != nil || idNumber != nil || on != nil {
            throw ValidationError(Messages.Training.courseAndIDOrFile.text())
        } else if batch < 1 {
            throw ValidationError(Messages.Import.batchAtLeastOne.text())
        }
    }

    func run() async throws {
        if let file { return try await enrolFile(file) }
        let request = EnrolmentRequest(courseCode: course!, idNumber: idNumber!, enrolledOn: try DayOption.parse(on))
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
            for row in enrolled { try sink.writeRecord([row.courseCode, row.idNumber, row.enrolledOn, row.number]) }
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
