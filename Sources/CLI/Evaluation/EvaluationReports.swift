import Foundation
import JCSkillsDemoData
import JCSkillsMessages
import JCSkillsProtocol

/// How the evaluation commands print what the service answers.
enum EvaluationReports {
    typealias Words = Messages.Evaluation

    static func date(_ yyyymmdd: Int32) -> String {
        yyyymmdd == 0 ? "-" : CalendarDate(yyyymmdd: yyyymmdd)?.isoString ?? String(yyyymmdd)
    }

    static func counts(_ counts: EvaluationCounts) -> String {
        let scope = counts.county == 0 ? Messages.Common.city.text() : Words.countyScope(CountyName.of(counts.county)).text()
        var lines = [
            Words.asOf(scope, date: date(counts.asOf)).text(),
            Words.skilledWorkers(counts.skilledWorkers, inSystem: counts.inSystemSkilledWorkers, baseline: counts.baselineSkilledWorkers).text(),
            Words.highSkill(counts.highSkill, baseline: counts.baselineHighSkill).text(),
            Words.newSkilled(counts.newSkilledWorkers, year: counts.year).text(),
            Words.lackingBody(counts.complianceKnown ? String(counts.enterprisesLackingBody) : Words.registryUnreachable.text()).text(),
            Words.institutionsHeading.text(),
        ]
        for institution in counts.institutions {
            lines.append("    \(TextWidth.padded(Vocabulary.word(EvaluationCSVFormat.institutionType, institution.type), to: 20)) "
                + "\(TextWidth.padded(Words.state(institution.status.description), to: 10)) \(institution.count)")
        }
        return lines.joined(separator: "\n")
    }

    static func institutions(_ list: InstitutionList, scope: Bool) -> String {
        var lines = [Words.institutionCount(list.institutions.count).text()]
        for view in list.institutions {
            let institution = view.institution
            var line = "  \(institution.code.padding(toLength: 22, withPad: " ", startingAt: 0)) "
                + "\(TextWidth.padded(Vocabulary.word(EvaluationCSVFormat.institutionType, institution.type), to: 20)) \(CountyName.padded(institution.county))  "
                + "\(TextWidth.padded(Words.state(view.status.description), to: 9)) \(institution.name)"
            if !institution.enterpriseCreditCode.isEmpty { line += "  (\(institution.enterpriseCreditCode))" }
            lines.append(line)
            if scope { lines.append(Words.scope(EvaluationCSVFormat.formatScope(institution.scope)).text()) }
        }
        return lines.joined(separator: "\n")
    }

    static var baselineHeader: String {
        TextWidth.padded(Messages.Common.county.text(), to: CountyName.width) + "  " + TextWidth.padded(Words.level.text(), to: 10)
            + " " + TextWidth.padded(Words.baselineAsOf.text(), to: 10)
            + [Words.baselineDeclared, Words.baselineClaimed, Words.baselineCounted].map { " " + TextWidth.leftPadded($0.text(), to: 9) }.joined()
    }

    static func baseline(_ entry: BaselineEntry) -> String {
        "\(CountyName.padded(entry.county))  \(TextWidth.padded(entry.level.chineseName, to: 10)) \(date(entry.asOf))  \(String(format: "%9d %9d %9d", entry.declared, entry.claimed, entry.counted))"
    }

    static func certificate(_ view: CertificateView) -> String {
        let occupationName = OccupationCatalogue.default.occupation(code: view.occupation).map { " \($0.chineseName)" } ?? ""
        let level = (view.level == .unspecified ? "-" : view.level.chineseName) + (view.operationCode.isEmpty ? "" : Words.operation(view.operationCode).text())
        let institution = view.institutionCode + (view.employerCreditCode.isEmpty ? "" : Words.employer(view.employerCreditCode).text())
        let issued = date(view.issuedOn) + Words.expires(date(view.expiresOn)).text()
            + (view.reviewDates.isEmpty ? "" : Words.reviews(view.reviewDates.map(date).joined(separator: ", ")).text())
        let state = Words.state("\(view.state)") + (view.endedOn == 0 ? "" : Words.since(date(view.endedOn)).text())
        return LabelledLines.render([
            (Words.number, view.number),
            (Words.kind, Vocabulary.word(EvaluationCSVFormat.certificateKind, view.kind)),
            (Words.occupation, view.occupation + occupationName),
            (Words.level, level),
            (Words.holder, "\(view.holderNameMasked)  \(view.holderIDMasked)"),
            (Words.institution, institution),
            (Messages.Common.county, CountyName.of(view.county)),
            (Words.issued, issued),
            (Words.state, state),
        ])
    }

    static func recognitions(_ person: PersonRecognitions) -> String {
        var lines = [Words.highestLevel(person.highestLevel == .unspecified ? "-" : person.highestLevel.chineseName).text()
            + (person.engineeringTitle.isEmpty ? "" : "  ↔ \(person.engineeringTitle)")]
        for entry in person.certificates {
            let view = entry.certificate
            var line = "  \(view.number)  \(Vocabulary.word(EvaluationCSVFormat.certificateKind, view.kind))  \(view.occupation)  \(view.level == .unspecified ? "-" : view.level.chineseName)"
            if entry.equivalentKind != .unspecified {
                line += "  = \(Vocabulary.word(EvaluationCSVFormat.certificateKind, entry.equivalentKind)) \(entry.equivalentLevel.chineseName)"
            }
            if !entry.engineeringTitle.isEmpty { line += "  ↔ \(entry.engineeringTitle)" }
            lines.append(line)
        }
        if person.certificates.isEmpty { lines.append(Words.noValidCertificates.text()) }
        return lines.joined(separator: "\n")
    }
}
