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
        abstract: "The skill evaluation centre: institutions, historical certificates, baseline stock, counts, compliance.",
        discussion: """
            Certificates one by one (export, verify, look up) are under `jcskills cert`; issuing \
            and revoking one are `evaluation issue` and `evaluation revoke`. Examples:
              jcskills demo-data evaluation --out demo/
              jcskills evaluation import-institutions demo/institutions.csv
              jcskills evaluation import demo/certificates.csv
              jcskills evaluation baseline declare --county 140524 --level 4 --persons 12000 --as-of 2019-12-31
              jcskills evaluation counts --county 140524 --as-of 2021-12-31
              jcskills evaluation compliance
              jcskills evaluation issue --institution JC-SO-140524-1 --kind skill_level --occupation 6-18-02-04 --level 4 \\
                  --holder-id-number 140524199001011239 --holder-name 王晓明
              jcskills evaluation revoke JCC202100000001 --reason "obtained by fraud"
            """,
        subcommands: [Import.self, ImportInstitutions.self, Institutions.self, Counts.self, Compliance.self,
                      Baseline.self, Recognitions.self, Issue.self, Revoke.self])

    struct Target: ParsableArguments {
        @OptionGroup var client: ClientOptions
        @Option(name: .long, help: ArgumentHelp("The evaluation service's address.", valueName: "host:port"))
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
            abstract: "Import historical certificates from a CSV file (the certificates.csv layout of `jcskills demo-data evaluation`).",
            discussion: """
                Columns: \(EvaluationCSVFormat.certificateHeader.joined(separator: ",")). \
                Each certificate keeps its printed number, which makes importing the same file again \
                add nothing. Its institution may have closed or never been registered here: it is \
                recorded as given and its scope and status are not checked (the certificate exists \
                already); give the county when the institution is not a registered county \
                institution. pre_system=true marks a holder a declared baseline already counts: \
                they then count once, through the certificate (README, "Baseline stock"). Every bad \
                row is reported with its line, column and reason. Exit 0 when every row went in, 3 \
                when some were rejected.
                """)
        @OptionGroup var target: Target
        @OptionGroup var input: CSVImportOptions
        @Argument(help: ArgumentHelp("certificates.csv", valueName: "file")) var file: String
        @Option(name: .long, help: ArgumentHelp("Write every rejected row to this CSV file.", valueName: "file")) var errors: String?
        // Large messages: one transaction each, and the service seals the next while one commits.
        @Option(name: .long, help: "Rows per message at most (a message also ends at 1 MiB).") var batch: Int = 10_000

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
            abstract: "Register (or update) the institutions of an institutions.csv.",
            discussion: """
                Columns: \(EvaluationCSVFormat.institutionHeader.joined(separator: ",")); scope as \
                occupation:levels;… e.g. 6-18-02-04:5/4/3;6-30-05-01: (an empty level list files the \
                occupation for certificates without levels). An enterprise body is checked with the \
                registry (≥ 300 staff): import the registry's enterprises first. Exit 3 when some \
                rows were refused (each with its rule).
                """)
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
        static let configuration = CommandConfiguration(abstract: "List evaluation institutions with their status and filed scope.")
        @OptionGroup var target: Target
        @Option(name: .long, help: "County code (140500 for city-wide ones); 0 for all.") var county: Int32 = 0
        @Option(name: .long, help: "enterprise_body, social_organisation, vocational_college or city_centre.") var type: String?
        @Flag(name: .long, help: "Print each institution's scope too.") var scope = false

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
            abstract: "Skilled workers, high-skill talents, new skilled workers and institutions, as of a date.",
            discussion: """
                Skilled workers are distinct persons with a valid certificate on the date, plus the \
                declared baseline's persons not also counted through a certificate; high-skill \
                talents the same for levels 3–1. New skilled workers: first certificate in --year.
                """)
        @OptionGroup var target: Target
        @Option(name: .long, help: "County code; 0 for the city.") var county: Int32 = 0
        @Option(name: .customLong("as-of"), help: ArgumentHelp("Date (yyyy-mm-dd); default today.", valueName: "date")) var asOf: String?
        @Option(name: .long, help: "Year for new skilled workers; default the as-of date's year.") var year: Int32 = 0

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
            abstract: "Enterprises with at least the minimum staff (300) and no active evaluation body of their own.")
        @OptionGroup var target: Target
        @Option(name: .long, help: "County code; 0 for the city.") var county: Int32 = 0

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
            abstract: "A person's valid certificates with their recognised equivalents and engineering-title bridges.",
            discussion: "A vocational-qualification certificate counts as a skill-level certificate of the same level; 高级工 ↔ 助理工程师, 技师 ↔ 工程师, 高级技师 ↔ 高级工程师.")
        @OptionGroup var target: Target
        @Option(name: .long, help: "The holder's ID number.") var id: String

        func run() async throws {
            let person = try await target.call { client in
                try await client.unary(EvaluationService.recognitions, RecognitionRequest(holderIDNumber: id))
            }
            print(EvaluationReports.recognitions(person))
        }
    }
}
