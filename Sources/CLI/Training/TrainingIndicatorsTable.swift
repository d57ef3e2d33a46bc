import Foundation
import JCSkillsMessages
import JCSkillsProtocol

/// `jcskills training indicators` as a table: the totals, then the same figures by programme,
/// mode, provider (with its flags) and course.
enum TrainingIndicatorsTable {
    static let labelWidth = 50

    /// `courses`: the year's courses by code, to name them (empty: codes only).
    static func render(_ indicators: TrainingIndicators, courses: [String: Course] = [:]) -> String {
        var lines = [Messages.Training.indicatorsTitle(year: indicators.year, county: TrainingNames.county(indicators.county)).text(), "", header,
                     row(Messages.Training.total.text(), indicators.total)]
        if indicators.total.enrolled == 0 { lines.append(Messages.Training.noEnrolments(indicators.year).text()) }
        for (dimension, title) in [("programme", Messages.Training.byProgramme), ("mode", Messages.Training.byMode),
                                   ("provider", Messages.Training.byProvider), ("course", Messages.Training.byCourse)] {
            let group = indicators.lines.filter { $0.dimension == dimension }
            guard !group.isEmpty else { continue }
            lines += ["", title.text()]
            for line in group {
                lines.append(row(label(line, courses: courses), line.figures) + (line.flags.isEmpty ? "" : Messages.Training.flagged.text() + line.flags.map(flag).joined(separator: ", ")))
            }
        }
        lines += ["", Messages.Training.ratesNote.text(), Messages.Training.subsidyNote.text()]
        return lines.joined(separator: "\n")
    }

    static var header: String {
        TrainingNames.pad("", labelWidth) + Messages.Training.columns
            .enumerated().map { TrainingNames.right($0.element.text(), $0.offset == 8 ? 13 : 10) }.joined()
    }

    static func row(_ label: String, _ figures: TrainingFigures) -> String {
        let cells = [
            String(figures.enrolled), String(figures.completed), String(figures.passed), TrainingNames.rate(figures.passRate, of: figures.completed),
            String(figures.employed), TrainingNames.rate(figures.employmentRate, of: figures.completed),
            String(figures.certified), TrainingNames.rate(figures.certificateRate, of: figures.completed),
        ]
        return "  " + TrainingNames.fit(label, labelWidth - 2) + cells.map { TrainingNames.right($0, 10) }.joined()
            + TrainingNames.right(String(figures.subsidyDue), 13)
    }

    static func label(_ line: TrainingFiguresLine, courses: [String: Course]) -> String {
        switch line.dimension {
        case "programme":
            return TrainingProgramme.known.first { $0.description == line.key }.map(TrainingNames.programme) ?? line.key
        case "mode":
            return Int32(line.key).map { TrainingNames.mode(TrainingMode(rawValue: $0)) } ?? line.key
        case "course":
            guard let course = courses[line.key] else { return line.key }
            return "\(line.key) \(course.name)"
        default:
            return line.key
        }
    }

    static func flag(_ flag: String) -> String {
        switch flag {
        case "pass_rate": Messages.Training.passRateFlag.text()
        case "employment_rate": Messages.Training.employmentRateFlag.text()
        default: flag
        }
    }
}
