import Foundation
import JCSkillsProtocol

/// `jcskills training indicators` as a table: the totals, then the same figures by programme,
/// mode, provider (with its flags) and course.
enum TrainingIndicatorsTable {
    static let labelWidth = 50

    /// `courses`: the year's courses by code, to name them (empty: codes only).
    static func render(_ indicators: TrainingIndicators, courses: [String: Course] = [:]) -> String {
        var lines = ["Training \(indicators.year), \(TrainingNames.county(indicators.county))", "", header, row("total", indicators.total)]
        if indicators.total.enrolled == 0 { lines.append("  (no enrolments in courses starting in \(indicators.year))") }
        for (dimension, title) in [("programme", "By programme"), ("mode", "By mode"), ("provider", "By provider"), ("course", "By course")] {
            let group = indicators.lines.filter { $0.dimension == dimension }
            guard !group.isEmpty else { continue }
            lines += ["", title]
            for line in group {
                lines.append(row(label(line, courses: courses), line.figures) + (line.flags.isEmpty ? "" : "  flagged: " + line.flags.map(flag).joined(separator: ", ")))
            }
        }
        lines += ["", "Rates are of the trainees with a result. Providers are flagged under 95 % passing or 30 % employed.",
                  "Subsidy due: passes × the course's standard, or its higher tier for those who then obtained a certificate."]
        return lines.joined(separator: "\n")
    }

    static var header: String {
        TrainingNames.pad("", labelWidth) + ["enrolled", "results", "passed", "pass", "employed", "empl.", "certified", "cert.", "subsidy due"]
            .enumerated().map { TrainingNames.right($0.element, $0.offset == 8 ? 13 : 10) }.joined()
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
        case "pass_rate": "pass_rate (under 95 % passed)"
        case "employment_rate": "employment_rate (under 30 % in a job)"
        default: flag
        }
    }
}
