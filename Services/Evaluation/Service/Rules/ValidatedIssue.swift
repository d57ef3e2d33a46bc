import Foundation
import JCSkillsMessages
import JCSkillsProtocol
import JCSkillsServiceKit

/// A certificate request whose fields passed ``CertificateRules/validate(_:)``; the rules
/// that depend on the institution are checked inside the issuing transaction.
struct ValidatedIssue: Sendable {
    var institutionCode: String
    var kind: CertificateKind
    var occupation: String
    var level: SkillLevel
    var operationCode: String
    /// Canonical form (uppercase X).
    var holderIDNumber: String
    var holderName: String
    var employerCreditCode: String
    /// 0 until the institution's county fills it in.
    var county: Int32
    var issuedOn: CalendarDate
    var expiresOn: CalendarDate?
}

/// The field rules of a certificate: level only for the levelled kinds, an operation or item
/// code only for the special kinds, expiry from ``CertificateKind/validity``.
struct CertificateRules: Sendable {
    let today: @Sendable () -> CalendarDate

    func validate(_ request: CertificateIssue) throws -> ValidatedIssue {
        guard !request.institutionCode.isEmpty else { throw RuleViolation(field: "institution_code", reason: Messages.Refusals.isEmpty) }
        // Stored and indexed as given: an oversize field is this row's error, not the database's.
        for (field, text, limit) in [("institution_code", request.institutionCode, FieldLimits.code),
                                     ("occupation", request.occupation, FieldLimits.code),
                                     ("operation_code", request.operationCode, FieldLimits.code),
                                     ("holder_name", request.holderName, FieldLimits.name)] {
            if let reason = FieldLimits.violation(text, limit: limit) { throw RuleViolation(field: field, reason: reason) }
        }
        let kind = request.kind
        guard CertificateKind.known.contains(kind) else {
            throw RuleViolation(field: "kind", reason: Messages.EvaluationRefusals.notACertificateKind(kind.rawValue))
        }
        guard !request.occupation.isEmpty else { throw RuleViolation(field: "occupation", reason: Messages.Refusals.isEmpty) }
        if kind.hasLevels {
            guard request.level.isKnown else {
                throw RuleRefusal(rule: RuleRefusal.levelForKind, reason: Messages.EvaluationRefusals.kindCarriesLevel(kind, chineseName: kind.chineseName))
            }
        } else if request.level != .unspecified {
            throw RuleRefusal(rule: RuleRefusal.levelForKind, reason: Messages.EvaluationRefusals.kindCarriesNoLevel(kind, chineseName: kind.chineseName))
        }
        if let refusal = RuleRefusal.occupationLacks(request.level, occupation: request.occupation) { throw refusal }
        let special = kind == .specialOperations || kind == .specialEquipmentOperator
        if special && request.operationCode.isEmpty {
            throw RuleViolation(field: "operation_code", reason: Messages.EvaluationRefusals.kindNamesOperation(kind, chineseName: kind.chineseName))
        }
        if !special && !request.operationCode.isEmpty {
            throw RuleViolation(field: "operation_code", reason: Messages.EvaluationRefusals.onlySpecialKindsNameOperations)
        }
        let now = today()
        guard let issued = CalendarDate(yyyymmdd: request.issuedOn) else {
            throw RuleViolation(field: "issued_on", reason: Messages.Refusals.notADate(request.issuedOn))
        }
        guard issued <= now else { throw RuleViolation(field: "issued_on", reason: Messages.Refusals.inTheFuture(issued)) }
        let id: ResidentIDNumber
        do throws(IDNumberError) {
            id = try ResidentIDNumber.parse(request.holderIDNumber, notAfter: now)
        } catch {
            throw RuleViolation(field: "holder_id_number", reason: error.message)
        }
        let name = request.holderName.trimmingWhitespace
        guard !name.isEmpty else { throw RuleViolation(field: "holder_name", reason: Messages.Refusals.isEmpty) }
        var employer = ""
        if !request.employerCreditCode.isEmpty {
            do throws(CreditCodeError) {
                employer = try UnifiedSocialCreditCode.parse(request.employerCreditCode).value
            } catch {
                throw RuleViolation(field: "employer_credit_code", reason: error.message)
            }
        }
        // One of the six counties, or the development zone, which counts in its host county.
        if request.county != 0 { try CountyScope.requireRecordCounty(request.county) }
        return ValidatedIssue(
            institutionCode: request.institutionCode, kind: kind, occupation: request.occupation, level: request.level,
            operationCode: request.operationCode, holderIDNumber: id.value, holderName: name,
            employerCreditCode: employer, county: request.county, issuedOn: issued,
            expiresOn: kind.validity.expiryDate(issuedOn: issued))
    }

    /// The rules that depend on the issuing institution, in the order a clerk would check them.
    func check(_ issue: inout ValidatedIssue, against institution: InstitutionView, scopeAllows: Bool) throws {
        guard institution.status == .active else {
            throw RuleRefusal(rule: RuleRefusal.institutionActive,
                              reason: Messages.EvaluationRefusals.institutionNotActive(institution.institution.code, status: institution.status))
        }
        guard scopeAllows else {
            let level = issue.level == .unspecified ? nil : issue.level.chineseName
            throw RuleRefusal(rule: RuleRefusal.filedScope,
                              reason: Messages.EvaluationRefusals.notInFiledScope(institution.institution.code, occupation: issue.occupation, level: level))
        }
        if institution.institution.type == .enterpriseBody, issue.employerCreditCode != institution.institution.enterpriseCreditCode {
            throw RuleRefusal(rule: RuleRefusal.enterpriseBodyEmployees,
                              reason: Messages.EvaluationRefusals.bodyCertifiesOwnEmployees(
                                  institution.institution.code, enterprise: institution.institution.enterpriseCreditCode,
                                  employer: issue.employerCreditCode.isEmpty ? nil : issue.employerCreditCode))
        }
        if issue.county == 0 {
            guard JinchengDivisions.isJinchengCounty(institution.institution.county) else {
                throw RuleViolation(field: "county", reason: Messages.EvaluationRefusals.cityWideInstitution(institution.institution.code))
            }
            issue.county = institution.institution.county
        }
    }
}
