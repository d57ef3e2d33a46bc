import Foundation
import JCSkillsProtocol

/// One city indicator as the catalogue declares it: what it is called, where its value comes
/// from, and what the plan expects of it.
struct Indicator: Sendable, Equatable {
    var key: String
    var nameZh: String
    var nameEn: String
    var unit: String
    var formula: Formula
    /// The value when the plan started; with ``baselineDate`` the start of the projection line.
    var baseline: Double?
    var baselineDate: CalendarDate?
    var target: Target?
    var deadline: CalendarDate?
    /// A target per year (new skilled workers): the baseline is 0 on 1 January and the
    /// deadline 31 December of the year asked for.
    var yearly: Bool = false
    /// The target is a ceiling: fewer is better.
    var lowerIsBetter: Bool = false
    /// A rate that must hold all along (a pass rate ≥ 95 %), not a stock that grows to its
    /// target: met or behind on the value itself, never projected; on track while there is
    /// no one to rate yet.
    var steady: Bool = false
    /// Targets for single counties, where the plan gives them.
    var countyTargets: [Int32: Double] = [:]

    enum Target: Sendable, Equatable {
        /// One number for the city; counties are judged only where ``countyTargets`` says.
        case city(Double)
        /// The same number for the city and every county (rates and shares).
        case everyScope(Double)
        /// A measure of the source data (each county's estimated labour force).
        case measure(Measure)
    }

    /// The services this indicator's value and target depend on.
    var sources: Set<String> {
        var services = Set(formula.measures.map(\.service))
        if case .measure(let measure) = target { services.insert(measure.service) }
        return services
    }
}

/// A number a source service reports, named `service.measure` (`evaluation.skilled_workers`).
struct Measure: Sendable, Hashable, CustomStringConvertible {
    var service: String
    var name: String

    init(service: String, name: String) {
        self.service = service
        self.name = name
    }

    init?(_ text: Substring) {
        let parts = text.split(separator: ".")
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
        self.init(service: String(parts[0]), name: String(parts[1]))
    }

    var description: String { "\(service).\(name)" }
}

/// How an indicator's value is computed: one measure, or a ratio of two as a percentage.
enum Formula: Sendable, Equatable, CustomStringConvertible {
    case measure(Measure)
    case percentage(Measure, of: Measure)

    /// Parses `service.measure` or `service.measure / service.measure`.
    init?(_ text: String) {
        let sides = text.split(separator: "/").map { $0.trimmingCharacters(in: .whitespaces)[...] }
        switch sides.count {
        case 1:
            guard let measure = Measure(sides[0]) else { return nil }
            self = .measure(measure)
        case 2:
            guard let part = Measure(sides[0]), let whole = Measure(sides[1]) else { return nil }
            self = .percentage(part, of: whole)
        default:
            return nil
        }
    }

    var measures: [Measure] {
        switch self {
        case .measure(let measure): [measure]
        case .percentage(let part, let whole): [part, whole]
        }
    }

    var description: String {
        switch self {
        case .measure(let measure): measure.description
        case .percentage(let part, let whole): "\(part) / \(whole)"
        }
    }
}
