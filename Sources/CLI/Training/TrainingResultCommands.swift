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
        abstract: Messages.Training.Help.uploadProviderSResultAbstract.text(),
        subcommands: [Upload.self])

    struct Upload: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Messages.Training.Help.uploadResultsCsvThroughAbstract.text(),
            discussion: Messages.Training.Help.columnsEnrolmentNumberServiceDiscussion("\(TrainingCSVFormat.resultHeader.joined(separator: ","))").text())
        @OptionGroup var target: TrainingCommand.Target
        @OptionGroup var input: CSVImportOptions
        @Argument(help: ArgumentHelp("results.csv", valueName: "file")) var file: String
        @Option(name: .long, help: ArgumentHelp(Messages.Training.Help.writeEveryRejectedRowHelp.text(), valueName: "file")) var errors: String?
        // The service writes one transaction per message.
        @Option(name: .long, help: ArgumentHelp(Messages.Training.Help.rowsPerMessagePerHelp.text())) var batch: Int = TrainingImports.rowsPerMessage

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

/// `jcskills training certificate`: one certificate after training, or a file of them.
struct TrainingCertificate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "certificate",
        abstract: Messages.Training.Help.recordCertificateTraineeObtainedAbstract.text(),
        discussion: Messages.Training.Help.evaluationServiceConfirmsCertificateDiscussion.text())
    @OptionGroup var target: TrainingCommand.Target
    @OptionGroup var input: CSVImportOptions
    @Option(name: .long, help: ArgumentHelp(Messages.Training.Help.enrolmentSNumberTrHelp.text(), valueName: "number")) var enrolment: String?
    @Option(name: .long, help: ArgumentHelp(Messages.Training.Help.certificateSNumberPrintedHelp.text(), valueName: "number")) var certificate: String?
    @Argument(help: ArgumentHelp(Messages.Training.Help.certificatesAfterCsvInsteadHelp.text(), valueName: "file")) var file: String?
    @Option(name: .long, help: ArgumentHelp(Messages.Training.Help.fileWriteEveryRefusedHelp.text(), valueName: "file")) var errors: String?
    // The service asks the evaluation service once a message, at most its batch limit.
    @Option(name: .long, help: ArgumentHelp(Messages.Training.Help.fileRowsPerMessageHelp.text())) var batch: Int = 500

    func validate() throws {
        guard (file == nil) == (enrolment != nil && certificate != nil), file == nil || (enrolment == nil && certificate == nil) else {
            throw ValidationError(Messages.Training.giveEnrolmentAndCertificate.text())
        }
        guard (1...CertificateAfterTrainingBatch.limit).contains(batch) else {
            throw ValidationError(Messages.Import.batchRange(CertificateAfterTrainingBatch.limit).text())
        }
    }

    func run() async throws {
        if let file {
            let started = Date()
            let report = try await target.call(timeout: .seconds(24 * 3600)) { client in
                try await TrainingImports.certificatesAfter().run(file: file, encoding: input.encoding, client: client, batchSize: batch)
            }
            if let errors { try CSVImporter.writeErrors(report.summary, to: errors) }
            return try CSVImporter.report(report, file: file, seconds: Date().timeIntervalSince(started))
        }
        let request = CertificateAfterTraining(enrolmentNumber: enrolment!, certificateNumber: certificate!)
        let view = try await target.call(attempts: 3) { client in
            try await client.unary(TrainingService.recordCertificate, request)
        }
        print(TrainingReports.result(view))
    }
}
