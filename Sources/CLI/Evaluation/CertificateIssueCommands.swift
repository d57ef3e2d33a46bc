import ArgumentParser
import Foundation
import JCSkillsDemoData
import JCSkillsMessages
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsServiceKit

// One certificate at a time, for the evaluation centre's staff: issue and revoke. The service's
// rules (institution status and filed scope, kinds, levels, holder) and audit apply as to any
// call (Services/Evaluation/Service/RPC); each carries an idempotency key, so its client
// retries a lost answer safely.

extension EvaluationCommand {
    struct Issue: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Issue one certificate and print its number.",
            discussion: """
                The flags are the columns of certificates.csv (`jcskills evaluation import`), with \
                the same vocabularies. The service checks the institution (active, the occupation \
                and level in its filed scope), the kind's level or operation, the holder's ID \
                number and, for an enterprise body, the employer; a higher skill-level certificate \
                supersedes the holder's lower ones in the occupation. Evaluation staff only \
                (PERMISSION_DENIED for others). Each refusal is one line naming the rule or the \
                field, exit 1. The same command with the same --idempotency-key answers with the \
                first certificate and never issues a second.
                Examples:
                  jcskills evaluation issue --institution JC-SO-140524-1 --kind skill_level --occupation 6-18-02-04 \\
                      --level 4 --holder-id-number 140524199001011239 --holder-name 王晓明 --issued-on 2021-06-01
                  jcskills evaluation issue --institution JC-VC-140524 --kind skill_level --occupation 6-18-02-04 \\
                      --level 3 --holder-id-number 140524199001011239 --holder-name 王晓明 \\
                      --idempotency-key issue-0001 --json   # run again with the key: the same certificate
                """)
        @OptionGroup var target: Target
        @OptionGroup var idempotency: IdempotencyOptions
        @Flag(name: .long, help: "Print JSON (field names as in the protocol) instead of one line.") var json = false
        @Option(name: .long, help: ArgumentHelp("The issuing institution's code.", valueName: "code")) var institution: String
        @Option(name: .long, help: "vocational_qualification, skill_level, special_ability, special_operations or special_equipment.") var kind: String
        @Option(name: .long, help: ArgumentHelp("Occupation code, e.g. 6-18-02-04.", valueName: "code")) var occupation: String
        @Option(name: .long, help: "Level 5 (初级工) … 1 (高级技师); vocational-qualification and skill-level certificates only.") var level: String?
        @Option(name: .long, help: ArgumentHelp("Operation category or equipment item; special operations and equipment only.", valueName: "code")) var operation: String?
        @Option(name: .customLong("holder-id-number"), help: ArgumentHelp("The holder's 18-character ID number.", valueName: "id")) var holderIDNumber: String
        @Option(name: .customLong("holder-name"), help: ArgumentHelp("The holder's name as printed.", valueName: "name")) var holderName: String
        @Option(name: .long, help: ArgumentHelp("The holder's employer (credit code); required when an enterprise body issues.", valueName: "code")) var employer: String?
        @Option(name: .long, help: ArgumentHelp("County the certificate counts in; default the institution's.", valueName: "code")) var county: String?
        @Option(name: .customLong("issued-on"), help: ArgumentHelp("Issue date; default today (Beijing).", valueName: "yyyy-mm-dd")) var issuedOn: String?

        /// The flags as a certificates.csv record, read by the importer's own mapping.
        func issue() throws -> CertificateIssue {
            typealias Column = EvaluationCSVFormat.CertificateColumn
            var fields = Array(repeating: "", count: EvaluationCSVFormat.certificateHeader.count)
            let given: [(Column, String?)] = [
                (.institution, institution), (.kind, kind), (.occupation, occupation), (.level, level), (.operation, operation),
                (.holderIDNumber, holderIDNumber), (.holderName, holderName), (.employer, employer), (.county, county),
                (.issuedOn, issuedOn ?? CalendarDate.today(by: Date.init).isoString),
            ]
            for (column, value) in given { fields[column.index] = value ?? "" }
            do throws(RowFailure) {
                return try EvaluationCSVMapping.certificate(fields, line: 0).certificate
            } catch {
                throw error.refusal
            }
        }

        func run() async throws {
            let request = try issue()
            let response = try await target.call(attempts: IdempotencyOptions.attempts) { client in
                try await client.unary(EvaluationService.issueCertificate, request, options: idempotency.callOptions())
            }
            if json {
                var object = CertificateJSON.certificate(response.certificate)
                object["superseded"] = response.superseded
                print(TrainingJSON.render(object))
            } else {
                var line = Messages.Evaluation.didIssue.text() + " " + CertificateJSON.line(response.certificate)
                if !response.superseded.isEmpty { line += Messages.Evaluation.supersedes(response.superseded.joined(separator: ", ")).text() }
                print(line)
            }
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Revoke one certificate, saying why.",
            discussion: """
                The certificate stops counting from today (a lower one it had superseded counts \
                again); the reason is audited. Evaluation staff only (PERMISSION_DENIED for others); \
                an unknown number is NOT_FOUND. Each refusal is one line, exit 1. The same \
                --idempotency-key writes once.
                Examples:
                  jcskills evaluation revoke JCC202100000001 --reason "obtained by fraud"
                  jcskills evaluation revoke JCC202100000001 --reason "issued in error" --idempotency-key rev-0001 --json
                """)
        @OptionGroup var target: Target
        @OptionGroup var idempotency: IdempotencyOptions
        @Flag(name: .long, help: "Print JSON (field names as in the protocol) instead of one line.") var json = false
        @Argument(help: "Certificate number.") var number: String
        @Option(name: .long, help: "Why (required).") var reason: String

        func run() async throws {
            let request = CertificateRevocation(number: number, reason: reason)
            let view = try await target.call(attempts: IdempotencyOptions.attempts) { client in
                try await client.unary(EvaluationService.revokeCertificate, request, options: idempotency.callOptions())
            }
            print(json ? TrainingJSON.render(CertificateJSON.certificate(view)) : Messages.Evaluation.didRevoke.text() + " " + CertificateJSON.line(view))
        }
    }
}

/// How the certificate commands print a certificate: JSON with the protocol's field names and
/// certificates.csv's vocabularies, or one line.
enum CertificateJSON {
    static func certificate(_ view: CertificateView) -> [String: Any] {
        [
            "number": view.number, "institution_code": view.institutionCode,
            "kind": EvaluationCSVFormat.certificateKind.text(for: view.kind), "occupation": view.occupation,
            "level": view.level == .unspecified ? NSNull() as Any : view.level.rawValue as Any, "operation_code": view.operationCode,
            "holder_id_masked": view.holderIDMasked, "holder_name_masked": view.holderNameMasked,
            "employer_credit_code": view.employerCreditCode, "county": view.county,
            "issued_on": TrainingJSON.date(view.issuedOn), "expires_on": TrainingJSON.date(view.expiresOn),
            "review_dates": view.reviewDates.map(TrainingJSON.date), "state": view.state.description,
            "ended_on": TrainingJSON.date(view.endedOn),
        ]
    }

    /// `JCC… skill_level 6-18-02-04 level 4, 王* 1405…, county …, issued …, state` on one line.
    static func line(_ view: CertificateView) -> String {
        var line = "\(view.number)  \(Vocabulary.text(EvaluationCSVFormat.certificateKind, view.kind))  \(view.occupation)"
        if view.level != .unspecified { line += "  " + Messages.Evaluation.levelWord(view.level.rawValue, view.level.chineseName).text() }
        if !view.operationCode.isEmpty { line += "  \(view.operationCode)" }
        line += "  \(view.holderNameMasked) \(view.holderIDMasked)  "
            + Messages.Evaluation.countyAndIssued(county: CountyName.of(view.county), date: EvaluationReports.date(view.issuedOn)).text()
        line += "  \(Messages.Evaluation.state("\(view.state)"))\(view.endedOn == 0 ? "" : Messages.Evaluation.since(EvaluationReports.date(view.endedOn)).text())"
        return line
    }
}
