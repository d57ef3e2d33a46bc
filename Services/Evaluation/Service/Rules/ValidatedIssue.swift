import Foundation
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
        guard !request.institutionCode.isEmpty else { throw RuleViolation(field: "institution_code", reason: "is empty") }
        // Stored and indexed as given: an oversize field is this row's error, not the database's.
        for (field, text, limit) in [("institution_code", request.institutionCode, FieldLimits.code),
                                     ("occupation", request.occupation, FieldLimits.code),
                                     ("operation_code", request.operationCode, FieldLimits.code),
                                     ("holder_name", request.holderName, FieldLimits.name)] {
            if let reason = FieldLimits.violation(text, limit: limit) { throw RuleViolation(field: field, reason: reason) }
        }
        let kind = request.kind
        guard CertificateKind.known.contains(kind) else {
            throw RuleViolation(field: "kind", reason: "\(kind.rawValue) is not one of the five certificate kinds")
        }
        guard !request.occupation.isEmpty else { throw RuleViolation(field: "occupation", reason: "is empty") }
        if kind.hasLevels {
            guard request.level.isKnown else {
                throw RuleRefusal(rule: RuleRefusal.levelForKind, reason: "a \(kind) certificate carries a skill level; give one")
            }
        } else if request.level != .unspecified {
            throw RuleRefusal(rule: RuleRefusal.levelForKind, reason: "a \(kind) certificate carries no skill level")
        }
        if let refusal = RuleRefusal.occupationLacks(request.level, occupation: request.occupation) { throw refusal }
        let special = kind == .specialOperations || kind == .specialEquipmentOperator
        if special && request.operationCode.isEmpty {
            throw RuleViolation(field: "operation_code", reason: "a \(kind) certificate names its operation category or equipment item")
        }
        if !special && !request.operationCode.isEmpty {
            throw RuleViolation(field: "operation_code", reason: "only special-operations and special-equipment certificates carry one")
        }
        let now = today()
        guard let issued = CalendarDate(yyyymmdd: request.issuedOn) else {
            throw RuleViolation(field: "issued_on", reason: "\(request.issuedOn) is not a date (yyyymmdd)")
        }
        guard issued <= now else { throw RuleViolation(field: "issued_on", reason: "\(issued) is in the future") }
        let id: ResidentIDNumber
        do {
            id = try ResidentIDNumber.parse(request.holderIDNumber, notAfter: now)
        } catch {
            throw RuleViolation(field: "holder_id_number", reason: "\(error)")
        }
        let name = request.holderName.trimmingWhitespace
        guard !name.isEmpty else { throw RuleViolation(field: "holder_name", reason: "is empty") }
        var employer = ""
        if !request.employerCreditCode.isEmpty {
            do {
                employer = try UnifiedSocialCreditCode.parse(request.employerCreditCode).value
            } catch {
                throw RuleViolation(field: "employer_credit_code", reason: "\(error)")
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
                              reason: "institution \(institution.institution.code) is \(institution.status) and may not issue certificates")
        }
        guard scopeAllows else {
            let what = issue.level == .unspecified ? issue.occupation : "\(issue.occupation) at \(issue.level.chineseName)"
            throw RuleRefusal(rule: RuleRefusal.filedScope,
                              reason: "institution \(institution.institution.code) has not filed \(what) in its scope")
        }
        if institution.institution.type == .enterpriseBody, issue.employerCreditCode != institution.institution.enterpriseCreditCode {
            throw RuleRefusal(rule: RuleRefusal.enterpriseBodyEmployees,
                              reason: "enterprise body \(institution.institution.code) certifies only employees of \(institution.institution.enterpriseCreditCode); the holder's employer is \(issue.employerCreditCode.isEmpty ? "not given" : issue.employerCreditCode)")
        }
        if issue.county == 0 {
            guard JinchengDivisions.isJinchengCounty(institution.institution.county) else {
                throw RuleViolation(field: "county", reason: "institution \(institution.institution.code) is city-wide: give the holder's county")
            }
            issue.county = institution.institution.county
        }
    }
}
