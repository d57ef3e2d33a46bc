import ArgumentParser
import Foundation
import JCSkillsMessages
import JCSkillsProtocol
import JCSkillsRPC

extension RegistryCommand {
    /// `jcskills registry quality`: a county's data quality, in aggregates (docs/QUALITY.md).
    struct Quality: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "quality", abstract: Messages.Quality.abstract.text(), discussion: Messages.Quality.discussion.text())
        @OptionGroup var target: Target
        @Option(name: .long, help: ArgumentHelp(Messages.Quality.countyHelp.text(), valueName: Messages.Quality.countyValue.text()))
        var county: Int32 = 0
        @Flag(name: .long, help: ArgumentHelp(Messages.Quality.jsonHelp.text())) var json = false

        func run() async throws {
            let request = QualityRequest(county: county)
            // A read: safe to repeat without a key.
            let report = try await target.call(attempts: IdempotencyOptions.attempts) { client in
                try await client.unary(RegistryService.quality, request)
            }
            print(json ? TrainingJSON.render(QualityReportText.json(report)) : QualityReportText.tables(report))
        }
    }
}

/// How `registry quality` prints the report: tables in the user's language, or JSON with the
/// protocol's field names.
enum QualityReportText {
    typealias Words = Messages.Quality

    static func tables(_ report: QualityReport) -> String {
        var lines = [Words.title(scopeName(report.county)).text() + "  " + Words.asOf(time(report.asOf)).text(), ""]
        lines.append(Words.summary.text())
        let share = report.estimatedLabourForce == 0 ? "" : "  " + percent(report.registered, of: report.estimatedLabourForce)
        lines += table([
            [Words.registered.text(), String(report.registered) + share],
            [Words.estimatedLabourForce.text(), String(report.estimatedLabourForce)],
            [Words.pastAgeActive.text(), String(report.pastAgeActive)],
            [Words.missingPhone.text(), String(report.missingPhone)],
            [Words.duplicateRegistrations.text(), String(report.duplicateRegistrations)],
        ], rightAligned: [])
        lines += ["", Words.imports.text()]
        lines += report.imports.isEmpty ? ["  " + Words.none.text()] : table(
            [[Words.kind, Words.when, Words.importedBy, Words.received, Words.accepted, Words.alreadyRegistered, Words.rejected,
              Words.whyRejected].map { $0.text() }]
                + report.imports.map { entry in
                    [kindName(entry.kind), time(entry.atMs), entry.principal, String(entry.received), String(entry.accepted),
                     String(entry.alreadyRegistered), String(entry.rejected),
                     entry.rejections.map { "\(reasonName($0.reason)) \($0.rows)" }.joined(separator: "; ")]
                }, rightAligned: [3, 4, 5, 6])
        lines += ["", Words.rejections.text()]
        lines += report.rejections.isEmpty ? ["  " + Words.none.text()] : table(
            [[Words.kind, Words.reason, Words.rows].map { $0.text() }]
                + report.rejections.map { [kindName($0.kind), reasonName($0.reason), String($0.rows)] }, rightAligned: [2])
        lines += ["", Words.coverage.text()]
        lines += report.coverage.isEmpty ? ["  " + Words.none.text()] : table(
            [[Words.category, Words.gender, Words.ageBand, Words.registeredColumn].map { $0.text() }]
                + report.coverage.map { cell in
                    [categoryName(cell.category), genderName(cell.gender), AgeBand.label(Int(cell.ageBand)), String(cell.registered)]
                }, rightAligned: [3])
        lines += ["", Words.expected.text()]
        lines += table(
            [[Words.gender, Words.ageBand, Words.registeredColumn, Words.expectedColumn, Words.share].map { $0.text() }]
                + report.expected.map { cell in
                    [genderName(cell.gender), AgeBand.label(Int(cell.ageBand)), String(cell.registered), String(cell.expected),
                     percent(cell.registered, of: cell.expected)]
                }, rightAligned: [2, 3, 4])
        return lines.joined(separator: "\n")
    }

    static func json(_ report: QualityReport) -> [String: Any] {
        [
            "county": report.county, "as_of": report.asOf, "registered": report.registered,
            "estimated_labour_force": report.estimatedLabourForce, "past_age_active": report.pastAgeActive,
            "missing_phone": report.missingPhone, "duplicate_registrations": report.duplicateRegistrations,
            "imports": report.imports.map { entry in
                ["kind": entry.kind, "principal": entry.principal, "at_ms": entry.atMs, "received": entry.received,
                 "accepted": entry.accepted, "already_registered": entry.alreadyRegistered, "rejected": entry.rejected,
                 "rejections": entry.rejections.map { ["reason": $0.reason, "rows": $0.rows] as [String: Any] }] as [String: Any]
            },
            "rejections": report.rejections.map { ["kind": $0.kind, "reason": $0.reason, "rows": $0.rows] as [String: Any] },
            "coverage": report.coverage.map { cell in
                ["category": cell.category.rawValue, "gender": cell.gender.rawValue, "age_band": cell.ageBand,
                 "registered": cell.registered] as [String: Any]
            },
            "expected": report.expected.map { cell in
                ["gender": cell.gender.rawValue, "age_band": cell.ageBand, "registered": cell.registered,
                 "expected": cell.expected] as [String: Any]
            },
        ]
    }

    /// The county's name in Chinese characters and its code, or the city's.
    static func scopeName(_ county: Int32) -> String {
        guard county != 0 else { return Messages.Common.city.text() }
        return (JinchengDivisions.standard.division(code: county)?.chineseName ?? "") + "（\(county)）"
    }

    static func kindName(_ kind: String) -> String { Words.kindName(kind)?.text() ?? kind }
    static func reasonName(_ code: String) -> String { Words.reasonName(code)?.text() ?? code }
    static func categoryName(_ category: LabourCategory) -> String {
        Words.categoryName(number: category.rawValue)?.text() ?? String(category.rawValue)
    }
    static func genderName(_ gender: Gender) -> String { Words.genderName(number: gender.rawValue)?.text() ?? String(gender.rawValue) }

    static func percent(_ part: UInt64, of whole: UInt64) -> String {
        whole == 0 ? "—" : String(format: "%.1f%%", Double(part) / Double(whole) * 100)
    }

    /// Beijing time, to the minute.
    static func time(_ ms: Int64) -> String {
        guard ms > 0, let day = CalendarDate(unixMilliseconds: ms) else { return "—" }
        let minutes = (ms / 1000 + 8 * 3600) % 86_400 / 60
        return day.isoString + String(format: " %02d:%02d", minutes / 60, minutes % 60)
    }

    /// Rows padded to their widest cell (Chinese characters take two columns), indented.
    static func table(_ rows: [[String]], rightAligned: Set<Int>) -> [String] {
        let columns = rows.map(\.count).max() ?? 0
        let widths = (0..<columns).map { column in rows.map { column < $0.count ? TextWidth.columns($0[column]) : 0 }.max() ?? 0 }
        return rows.map { row in
            "  " + row.enumerated().map { column, cell in
                rightAligned.contains(column) ? TextWidth.leftPadded(cell, to: widths[column]) : TextWidth.padded(cell, to: widths[column])
            }.joined(separator: "  ")
        }
    }
}
