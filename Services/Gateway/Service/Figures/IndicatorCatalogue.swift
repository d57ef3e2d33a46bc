import Foundation
import JCSkillsProtocol
import Yams

/// The indicators the gateway serves, in display order. The city edits targets in a YAML file
/// (`gateway: indicators: PATH`); without one the plan's figures apply (``plan``).
struct IndicatorCatalogue: Sendable, Equatable {
    var indicators: [Indicator]

    /// The plan's start (action plan 2020–2021): the baseline date of an indicator whose
    /// catalogue entry gives none.
    static let planStart = CalendarDate(yyyymmdd: 20200101)!

    /// The services any indicator reads.
    var sources: [String] { Array(Set(indicators.flatMap(\.sources))).sorted() }

    static func load(path: String) throws -> IndicatorCatalogue {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw CatalogueError(path: path, reason: "cannot read the file: \(error.localizedDescription)")
        }
        return try parse(text, path: path)
    }

    static func parse(_ text: String, path: String) throws -> IndicatorCatalogue {
        let file: CatalogueFile
        do {
            file = try YAMLDecoder().decode(CatalogueFile.self, from: text)
        } catch {
            throw CatalogueError(path: path, reason: "not a valid catalogue: \(error)")
        }
        var seen = Set<String>()
        let indicators = try file.indicators.map { entry in
            guard seen.insert(entry.key).inserted else {
                throw CatalogueError(path: path, reason: "indicator \(entry.key) is declared twice")
            }
            return try entry.indicator(path: path)
        }
        guard !indicators.isEmpty else { throw CatalogueError(path: path, reason: "declares no indicators") }
        return IndicatorCatalogue(indicators: indicators)
    }
}

struct CatalogueError: Error, CustomStringConvertible {
    var path: String
    var reason: String
    var description: String { "indicator catalogue \(path): \(reason)" }
}

/// The file's shape: `indicators:` followed by one mapping per indicator.
private struct CatalogueFile: Decodable {
    var indicators: [Entry]

    struct Entry: Decodable {
        var key: String
        var name_zh: String
        var name_en: String
        var unit: String
        var formula: String
        var baseline: Double?
        var baseline_date: String?
        /// A number, or `service.measure`.
        var target: String?
        /// `city` (default: the target is the city's) or `every_scope` (each county too).
        var target_scope: String?
        var deadline: String?
        var yearly: Bool?
        var lower_is_better: Bool?
        var steady: Bool?
        var county_targets: [Int32: Double]?

        func indicator(path: String) throws -> Indicator {
            func fail(_ reason: String) -> CatalogueError { CatalogueError(path: path, reason: "\(key): \(reason)") }
            func date(_ text: String?, _ field: String) throws -> CalendarDate? {
                guard let text else { return nil }
                guard let date = CalendarDate.parse(text) else { throw fail("\(field) \(text) is not a date (YYYY-MM-DD)") }
                return date
            }
            guard let formula = Formula(self.formula) else {
                throw fail("formula \(self.formula) is neither service.measure nor service.measure / service.measure")
            }
            var target: Indicator.Target?
            if let text = self.target {
                if let number = Double(text) {
                    switch target_scope ?? "city" {
                    case "city": target = .city(number)
                    case "every_scope": target = .everyScope(number)
                    default: throw fail("target_scope \(target_scope ?? "") is neither city nor every_scope")
                    }
                } else if let measure = Measure(text[...]) {
                    target = .measure(measure)
                } else {
                    throw fail("target \(text) is neither a number nor service.measure")
                }
            }
            return Indicator(
                key: key, nameZh: name_zh, nameEn: name_en, unit: unit, formula: formula,
                baseline: baseline, baselineDate: try date(baseline_date, "baseline_date"),
                target: target, deadline: try date(deadline, "deadline"),
                yearly: yearly ?? false, lowerIsBetter: lower_is_better ?? false, steady: steady ?? false,
                countyTargets: county_targets ?? [:])
        }
    }
}
