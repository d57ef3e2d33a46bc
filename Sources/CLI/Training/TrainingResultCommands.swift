import ArgumentParser
import Foundation
import JCSkillsDemoData
import JCSkillsMessages
import JCSkillsProtocol
import JCSkillsRPC

/// `jcskills training results upload`.
struct TrainingResults: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "results",
        abstract: "Upload a provider's result file.",
        subcommands: [Upload.self])

    struct Upload: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Upload a results.csv through the ImportResults stream: a progress bar, bad rows by line, column and reason.",
            discussion: """
                Columns: \(TrainingCSVFormat.resultHeader.joined(separator: ",")). \
                enrolment_number as the service gave it at enrolment (`training enrol FILE \
                --numbers` writes them); completed_on the day the trainee completed (or left), on \
                or after the course's first day; passed true/false — a pass gets a \
                training-completion number; a job after training is an employer_credit_code or \
                self_employed=true (not both) with employed_on, its first day, on or after the \
                course's start; employment_verified true when checked (an employer's record, \
                social insurance), false when declared. Leave the job columns empty when there is none.
                One result per enrolment: a row for a result already recorded corrects it, the same \
                result again changes nothing — uploading a file twice counts its rows as already \
                registered. An enrolment number on two lines is reported by line. Exit 0 when every \
                row went in, 3 when some were rejected.
                Example: jcskills training results upload demo/results.csv --errors rejected.csv
                """)
        @OptionGroup var target: TrainingCommand.Target
        @OptionGroup var input: CSVImportOptions
        @Argument(help: ArgumentHelp("results.csv", valueName: "file")) var file: String
        @Option(name: .long, help: ArgumentHelp("Write every rejected row to this CSV file (line,column,reason).", valueName: "file")) var errors: String?
        // The service writes one transaction per message.
        @Option(name: .long, help: "Rows per message (and per database transaction).") var batch: Int = 500

        func validate() throws {
            guard batch > 0 else { throw ValidationError(Messages.Import.batchAtLeastOne.text()) }
        }

        func run() async throws {
            let started = Date()
            let report = try await target.call(timeout: .seconds(24 * 3600)) { client in
                try await TrainingImports.results().run(file: file, encoding: input.encoding, client: client, batchSize: batch)
            }
            if let errors { try CSVImporter.writeErrors(report.summary, to: errors) }
            try CSVImporter.report(report, file: file, seconds: Date().timeIntervalSince(started))
        }
    }
}

/// `jcskills training certificate`.
struct TrainingCertificate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "certificate",
        abstract: "Record a certificate the trainee obtained after the course (RecordCertificate).",
        discussion: """
            The evaluation service confirms the certificate by its number and the trainee's ID \
            number first. Refusals: certificate_holder (unknown, or not the trainee's), \
            certificate_standing (revoked), certificate_after_training (issued before the course \
            began); evaluation unreachable: UNAVAILABLE, nothing recorded. Recording it again \
            changes nothing. A trainee who passed and obtains a certificate counts at the course's \
            higher subsidy tier (subsidy_with_certificate).
            Example: jcskills training certificate --enrolment TR202100000042 --certificate JCC202100000001
            """)
    @OptionGroup var target: TrainingCommand.Target
    @Option(name: .long, help: ArgumentHelp("The enrolment's number (TR…).", valueName: "number")) var enrolment: String
    @Option(name: .long, help: ArgumentHelp("The certificate's number as printed.", valueName: "number")) var certificate: String

    func run() async throws {
        let view = try await target.call(attempts: 3) { client in
            try await client.unary(TrainingService.recordCertificate, CertificateAfterTraining(enrolmentNumber: enrolment, certificateNumber: certificate))
        }
        print(TrainingReports.result(view))
    }
}
