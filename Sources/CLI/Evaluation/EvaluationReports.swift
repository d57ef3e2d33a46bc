import Foundation
import JCSkillsDemoData
import JCSkillsProtocol

/// How the evaluation commands print what the service answers.
enum EvaluationReports {
    static func date(_ yyyymmdd: Int32) -> String {
        yyyymmdd == 0 ? "-" : CalendarDate(yyyymmdd: yyyymmdd)?.isoString ?? String(yyyymmdd)
    }

    static func counts(_ counts: EvaluationCounts) -> String {
        var lines = [
            "\(counts.county == 0 ? "city" : "county \(counts.county)") as of \(date(counts.asOf))",
            "  skilled workers        \(counts.skilledWorkers)  (\(counts.inSystemSkilledWorkers) with certificates here + \(counts.baselineSkilledWorkers) declared baseline)",
            "  high-skill talents     \(counts.highSkill)  (levels 3–1; \(counts.baselineHighSkill) of them baseline)",
            "  new skilled workers    \(counts.newSkilledWorkers)  (first certificate in \(counts.year))",
            "  enterprises ≥ 300 staff without a body  \(counts.complianceKnown ? String(counts.enterprisesLackingBody) : "unknown (registry unreachable)")",
            "  institutions",
        ]
        for institution in counts.institutions {
            lines.append("    \(institution.type.description.padding(toLength: 20, withPad: " ", startingAt: 0)) \(institution.status.description.padding(toLength: 10, withPad: " ", startingAt: 0)) \(institution.count)")
        }
        return lines.joined(separator: "\n")
    }

    static func institutions(_ list: InstitutionList, scope: Bool) -> String {
        var lines = ["\(list.institutions.count) institutions"]
        for view in list.institutions {
            let institution = view.institution
            var line = "  \(institution.code.padding(toLength: 22, withPad: " ", startingAt: 0)) \(institution.type.description.padding(toLength: 20, withPad: " ", startingAt: 0)) \(institution.county)  \(view.status.description.padding(toLength: 9, withPad: " ", startingAt: 0)) \(institution.name)"
            if !institution.enterpriseCreditCode.isEmpty { line += "  (\(institution.enterpriseCreditCode))" }
            lines.append(line)
            if scope { lines.append("      scope \(EvaluationCSVFormat.formatScope(institution.scope))") }
        }
        return lines.joined(separator: "\n")
    }

    static let baselineHeader = "county  level        as of       declared   claimed   counted"

    static func baseline(_ entry: BaselineEntry) -> String {
        "\(entry.county)  \(entry.level.chineseName.padding(toLength: 10, withPad: " ", startingAt: 0)) \(date(entry.asOf))  \(String(format: "%9d %9d %9d", entry.declared, entry.claimed, entry.counted))"
    }

    static func certificate(_ view: CertificateView) -> String {
        """
        number        \(view.number)
        kind          \(view.kind)
        occupation    \(view.occupation)\(OccupationCatalogue.default.occupation(code: view.occupation).map { " \($0.chineseName)" } ?? "")
        level         \(view.level == .unspecified ? "-" : view.level.chineseName)\(view.operationCode.isEmpty ? "" : "  operation/item \(view.operationCode)")
        holder        \(view.holderNameMasked)  \(view.holderIDMasked)
        institution   \(view.institutionCode)\(view.employerCreditCode.isEmpty ? "" : "  employer \(view.employerCreditCode)")
        county        \(view.county)
        issued        \(date(view.issuedOn))   expires \(date(view.expiresOn))\(view.reviewDates.isEmpty ? "" : "   reviews \(view.reviewDates.map(date).joined(separator: ", "))")
        state         \(view.state)\(view.endedOn == 0 ? "" : " since \(date(view.endedOn))")
        """
    }

    static func recognitions(_ person: PersonRecognitions) -> String {
        var lines = ["highest level \(person.highestLevel == .unspecified ? "-" : person.highestLevel.chineseName)"
            + (person.engineeringTitle.isEmpty ? "" : "  ↔ \(person.engineeringTitle)")]
        for entry in person.certificates {
            let view = entry.certificate
            var line = "  \(view.number)  \(view.kind)  \(view.occupation)  \(view.level == .unspecified ? "-" : view.level.chineseName)"
            if entry.equivalentKind != .unspecified { line += "  = \(entry.equivalentKind) \(entry.equivalentLevel.chineseName)" }
            if !entry.engineeringTitle.isEmpty { line += "  ↔ \(entry.engineeringTitle)" }
            lines.append(line)
        }
        if person.certificates.isEmpty { lines.append("  no valid certificates") }
        return lines.joined(separator: "\n")
    }
}
