import ArgumentParser
import Foundation
import JCSkillsDemoData
import JCSkillsMessages
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsServiceKit

struct EvaluationCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluation",
        abstract: Messages.Evaluation.Help.skillEvaluationCentreInstitutionsAbstract.text(),
        discussion: Messages.Evaluation.Help.certificatesOneOneExportDiscussion.text(),
        subcommands: [Import.self, ImportInstitutions.self, Institutions.self, Counts.self, Compliance.self,
                      Baseline.self, Recognitions.self, Issue.self, Revoke.self])

    struct Target: ParsableArguments {
        @OptionGroup var client: ClientOptions
        @Option(name: .long, help: ArgumentHelp(Messages.Evaluation.Help.evaluationServiceSAddressHelp.text(), valueName: "host:port"))
        var endpoint: String = "127.0.0.1:\(ServiceKind.evaluation.defaultPort)"

        func makeClient(timeout: Duration = .seconds(30)) throws -> RPCClient {
            try client.client(endpoint: endpoint, timeout: timeout)
        }

        /// `attempts` above 1 only for calls safe to repeat (ClientOptions.client).
        func call<T: Sendable>(timeout: Duration = .seconds(30), attempts: Int = 1, _ body: (RPCClient) async throws -> T) async throws -> T {
            try await client.call(endpoint: endpoint, timeout: timeout, attempts: attempts, body)
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Messages.Evaluation.Help.importHistoricalCertificatesFromAbstract.text(),
            discussion: Messages.Evaluation.Help.columnsEachCertificateKeepsDiscussion("\(EvaluationCSVFormat.certificateHeader.joined(separator: ","))").text())
        @OptionGroup var target: Target
        @OptionGroup var input: CSVImportOptions
        @Argument(help: ArgumentHelp("certificates.csv", valueName: "file")) var file: String
        @Option(name: .long, help: ArgumentHelp(Messages.Evaluation.Help.writeEveryRejectedRowHelp.text(), valueName: "file")) var errors: String?
        // Large messages: one transaction each, and the service seals the next while one commits.
        @Option(name: .long, help: ArgumentHelp(Messages.Evaluation.Help.rowsPerMessageMostHelp.text())) var batch: Int = 10_000

        func run() async throws {
            let client = try target.makeClient(timeout: .seconds(24 * 3600))
            let started = Date()
            let report: ImportReport
            do {
                report = try await EvaluationImports.certificates.run(file: file, encoding: input.encoding, client: client, batchSize: batch)
            } catch {
                await client.close()
                throw error
            }
            await client.close()
            if let errors { try CSVImporter.writeErrors(report.summary, to: errors) }
            try CSVImporter.report(report, file: file, seconds: Date().timeIntervalSince(started))
        }
    }

    struct ImportInstitutions: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import-institutions",
            abstract: Messages.Evaluation.Help.registerUpdateInstitutionsInstitutionsAbstract.text(),
            discussion: Messages.Evaluation.Help.columnsScopeOccupationLevelsDiscussion("\(EvaluationCSVFormat.institutionHeader.joined(separator: ","))").text())
        @OptionGroup var target: Target
        @OptionGroup var input: CSVImportOptions
        @Argument(help: ArgumentHelp("institutions.csv", valueName: "file")) var file: String

        func run() async throws {
            let started = Date()
            let report = try await target.call { client in
                try await EvaluationImports.institutions(file: file, encoding: input.encoding, client: client)
            }
            try CSVImporter.report(report, file: file, seconds: Date().timeIntervalSince(started))
        }
    }

    struct Institutions: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: Messages.Evaluation.Help.listEvaluationInstitutionsTheirAbstract.text())
        @OptionGroup var target: Target
        @Option(name: .long, help: ArgumentHelp(Messages.Evaluation.Help.countyCodeCityWideHelp.text())) var county: Int32 = 0
        @Option(name: .long, help: ArgumentHelp(Messages.Evaluation.Help.enterpriseBodySocialOrganisationHelp.text())) var type: String?
        @Flag(name: .long, help: ArgumentHelp(Messages.Evaluation.Help.printEachInstitutionSHelp.text())) var scope = false

        func run() async throws {
            var request = InstitutionListRequest(county: county)
            if let type {
                guard let value = EvaluationCSVFormat.institutionType.value(for: type), value != .unspecified else {
                    throw ValidationError(Messages.Evaluation.typeOneOf(EvaluationCSVFormat.institutionType.terms.map(\.slug).joined(separator: ", ")).text())
                }
                request.type = value
            }
            let list = try await target.call { client in try await client.unary(EvaluationService.listInstitutions, request) }
            print(EvaluationReports.institutions(list, scope: scope))
        }
    }

    struct Counts: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Messages.Evaluation.Help.skilledWorkersHighSkillAbstract.text(),
            discussion: Messages.Evaluation.Help.skilledWorkersAreDistinctDiscussion.text())
        @OptionGroup var target: Target
        @Option(name: .long, help: ArgumentHelp(Messages.Evaluation.Help.countyCodeCityHelp.text())) var county: Int32 = 0
        @Option(name: .customLong("as-of"), help: ArgumentHelp(Messages.Evaluation.Help.dateYyyyMmDdHelp.text(), valueName: "date")) var asOf: String?
        @Option(name: .long, help: ArgumentHelp(Messages.Evaluation.Help.yearNewSkilledWorkersHelp.text())) var year: Int32 = 0

        func run() async throws {
            var date: Int32 = 0
            if let asOf {
                guard let parsed = CalendarDate.parse(asOf) else { throw ValidationError("--as-of: " + Messages.Import.notADate(asOf).text()) }
                date = parsed.yyyymmdd
            }
            let counts = try await target.call { client in
                try await client.unary(EvaluationService.counts, CountsRequest(county: county, asOf: date, year: year))
            }
            print(EvaluationReports.counts(counts))
        }
    }

    struct Compliance: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Messages.Evaluation.Help.enterprisesLeastMinimumStaffAbstract.text())
        @OptionGroup var target: Target
        @Option(name: .long, help: ArgumentHelp(Messages.Evaluation.Help.countyCodeCityHelp.text())) var county: Int32 = 0

        func run() async throws {
            let report = try await target.call { client in try await client.unary(EvaluationService.compliance, ComplianceRequest(county: county)) }
            print(Messages.Evaluation.compliance(lacking: report.lacking.count, of: UInt64(report.largeEnterprises), minimumStaff: UInt32(report.minimumStaff)).text())
            for enterprise in report.lacking {
                print("  \(enterprise.creditCode)  \(CountyName.padded(enterprise.county))  \(String(format: "%6d", enterprise.staffCount))  \(enterprise.name)")
            }
        }
    }

    struct Recognitions: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Messages.Evaluation.Help.personSValidCertificatesAbstract.text(),
            discussion: Messages.Evaluation.Help.vocationalQualificationCertificateCountsDiscussion.text())
        @OptionGroup var target: Target
        @Option(name: .long, help: ArgumentHelp(Messages.Evaluation.Help.holderSIdNumberHelp.text())) var id: String

        func run() async throws {
            let person = try await target.call { client in
                try await client.unary(EvaluationService.recognitions, RecognitionRequest(holderIDNumber: id))
            }
            print(EvaluationReports.recognitions(person))
        }
    }
}
