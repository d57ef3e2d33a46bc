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
            abstract: Messages.Evaluation.Help.issueOneCertificatePrintAbstract.text(),
            discussion: Messages.Evaluation.Help.flagsAreColumnsCertificatesDiscussion.text())
        @OptionGroup var target: Target
        @OptionGroup var idempotency: IdempotencyOptions
        @Flag(name: .long, help: ArgumentHelp(Messages.Evaluation.Help.printJsonFieldNamesHelp.text())) var json = false
        @Option(name: .long, help: ArgumentHelp(Messages.Evaluation.Help.issuingInstitutionSCodeHelp.text(), valueName: "code")) var institution: String
        @Option(name: .long, help: ArgumentHelp(Messages.Evaluation.Help.vocationalQualificationSkillLevelHelp.text())) var kind: String
        @Option(name: .long, help: ArgumentHelp(Messages.Evaluation.Help.occupationCodeHelp.text(), valueName: "code")) var occupation: String
        @Option(name: .long, help: ArgumentHelp(Messages.Evaluation.Help.levelVocationalQualificationSkillHelp.text())) var level: String?
        @Option(name: .long, help: ArgumentHelp(Messages.Evaluation.Help.operationCategoryEquipmentItemHelp.text(), valueName: "code")) var operation: String?
        @Option(name: .customLong("holder-id-number"), help: ArgumentHelp(Messages.Evaluation.Help.holderSCharacterIdHelp.text(), valueName: "id")) var holderIDNumber: String
        @Option(name: .customLong("holder-name"), help: ArgumentHelp(Messages.Evaluation.Help.holderSNamePrintedHelp.text(), valueName: "name")) var holderName: String
        @Option(name: .long, help: ArgumentHelp(Messages.Evaluation.Help.holderSEmployerCreditHelp.text(), valueName: "code")) var employer: String?
        @Option(name: .long, help: ArgumentHelp(Messages.Evaluation.Help.countyCertificateCountsDefaultHelp.text(), valueName: "code")) var county: String?
        @Option(name: .customLong("issued-on"), help: ArgumentHelp(Messages.Evaluation.Help.issueDateDefaultTodayHelp.text(), valueName: "yyyy-mm-dd")) var issuedOn: String?

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
            abstract: Messages.Evaluation.Help.revokeOneCertificateSayingAbstract.text(),
            discussion: Messages.Evaluation.Help.certificateStopsCountingFromDiscussion.text())
        @OptionGroup var target: Target
        @OptionGroup var idempotency: IdempotencyOptions
        @Flag(name: .long, help: ArgumentHelp(Messages.Evaluation.Help.printJsonFieldNamesHelp.text())) var json = false
        @Argument(help: ArgumentHelp(Messages.Evaluation.Help.certificateNumberHelp.text())) var number: String
        @Option(name: .long, help: ArgumentHelp(Messages.Evaluation.Help.whyRequiredHelp.text())) var reason: String

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
