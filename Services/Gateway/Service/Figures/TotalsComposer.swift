import JCSkillsMessages
import JCSkillsProtocol

/// Turns the sources' readings into indicator values for each scope: formula, target,
/// standing, and for what could not be computed, the reason and the last known value.
struct TotalsComposer: Sendable {
    let catalogue: IndicatorCatalogue
    /// Each indicator's value as it starts for any scope: what the catalogue says of it
    /// (key, names, unit, sources), prepared once — every `Totals` composes each of them.
    private let templates: [IndicatorValue]

    init(catalogue: IndicatorCatalogue) {
        self.catalogue = catalogue
        templates = catalogue.indicators.map { indicator in
            var out = IndicatorValue()
            out.key = indicator.key
            out.nameZh = indicator.nameZh
            out.nameEn = indicator.nameEn
            out.unit = indicator.unit
            out.source = indicator.sources.sorted().joined(separator: "+")
            out.lowerIsBetter = indicator.lowerIsBetter
            return out
        }
    }

    struct Inputs {
        var question: SourceQuestion
        var outcomes: [SourceOutcome]
        var lastKnown: (_ scope: Int32, _ key: String) -> LastKnownValues.Entry?
        /// The sources' readings on the planning window's first date (``PlanningAid``); nil
        /// leaves the current rate unknown.
        var earlierOutcomes: [SourceOutcome]? = nil
    }

    func scope(_ scope: Int32, _ inputs: Inputs) -> ScopeTotals {
        var totals = ScopeTotals()
        totals.county = scope
        let readings = ScopeReadings(outcomes: inputs.outcomes, scope: scope, language: inputs.question.language)
        let earlier = inputs.earlierOutcomes.map { ScopeReadings(outcomes: $0, scope: scope, language: inputs.question.language) }
        totals.indicators = zip(catalogue.indicators, templates).map { indicator, template in
            value(of: indicator, from: template, scope: scope, readings, earlier: earlier, inputs)
        }
        return totals
    }

    private func value(
        of indicator: Indicator, from template: IndicatorValue, scope: Int32, _ readings: ScopeReadings,
        earlier: ScopeReadings?, _ inputs: Inputs
    ) -> IndicatorValue {
        var out = template
        let question = inputs.question
        let plan = Self.planDates(indicator, question)
        out.baselineDate = plan.baselineDate?.yyyymmdd ?? 0
        out.deadline = plan.deadline?.yyyymmdd ?? 0

        let computed = Self.compute(indicator.formula, readings)
        let nobodyToRate = (try? computed.get())?.nobodyToRate ?? false
        switch computed {
        case .failure(let failure):
            out.status = .unavailable
            out.reason = failure.reason
            if let last = inputs.lastKnown(scope, indicator.key) {
                out.hasLastKnown = true
                out.lastKnownValue = last.value
                out.lastKnownTimeMs = last.dataTimeMs
            }
            return out
        case .success(let figure):
            out.value = figure.value
            out.dataTimeMs = figure.dataTimeMs
        }

        guard let target = target(of: indicator, scope: scope, readings) else {
            out.status = .noTarget
            return out
        }
        out.hasTarget = true
        out.target = target
        out.baseline = plan.baseline
        if indicator.steady {
            let standing = Standing.judgeSteady(value: out.value, target: target, lowerIsBetter: indicator.lowerIsBetter, nobodyToRate: nobodyToRate)
            out.progress = standing.progress
            out.status = standing.status
            out.projected = standing.projected
            if nobodyToRate { out.reason = Messages.Gateway.nobodyToRate.text(in: question.language) }
            return out
        }
        let judgedOn = plan.deadline.map { min($0, question.asOf) } ?? question.asOf
        let standing = Standing.judge(value: out.value, on: indicator.yearly ? judgedOn : question.asOf, against: Standing.Plan(
            target: target, baseline: plan.baseline, baselineDate: plan.baselineDate, deadline: plan.deadline,
            lowerIsBetter: indicator.lowerIsBetter))
        out.progress = standing.progress
        out.status = standing.status
        out.projected = standing.projected
        if let deadline = plan.deadline {
            let aidPlan = PlanningAid.Plan(
                target: target, deadline: deadline, lowerIsBetter: indicator.lowerIsBetter,
                yearStart: indicator.yearly ? plan.baselineDate : nil)
            let valueEarlier = earlier.flatMap { try? Self.compute(indicator.formula, $0).get().value }
            out.plan(PlanningAid.compute(valueNow: out.value, valueEarlier: valueEarlier, plan: aidPlan, asOf: question.asOf))
        }
        return out
    }

    /// A value computed from the measures, when the time it was read, and whether it is a
    /// share of nobody.
    struct Figure {
        var value: Double
        var dataTimeMs: Int64
        var nobodyToRate = false
    }

    /// The sources' readings for one scope, looked up by measure; a failure says why the
    /// measure is missing, in `language`. Made once a scope: every indicator looks up one or two.
    struct ScopeReadings {
        let outcomes: [SourceOutcome]
        let scope: Int32
        let language: Language

        func value(of measure: Measure) -> Result<(Double, Int64), SourceFailure> {
            guard let outcome = outcomes.first(where: { $0.service == measure.service }) else {
                return .failure(SourceFailure(reason: Messages.Gateway.noReader(measure.service, name: serviceName(measure))
                    .text(in: language)))
            }
            switch outcome.result {
            case .failure(let failure):
                return .failure(SourceFailure(reason: Messages.Gateway.fromSource(measure.service, name: serviceName(measure), failure.reason)
                    .text(in: language)))
            case .success(let reading):
                if let number = reading.measures[scope]?[measure.name] { return .success((number, reading.dataTimeMs)) }
                if let reason = reading.missing[scope]?[measure.name] { return .failure(SourceFailure(reason: reason)) }
                return .failure(SourceFailure(reason: Messages.Gateway.noMeasure(measure.service, name: serviceName(measure), measure.name)
                    .text(in: language)))
            }
        }

        private func serviceName(_ measure: Measure) -> Message? {
            Messages.Dashboard.serviceNames[measure.service]
        }
    }

    static func compute(_ formula: Formula, _ readings: ScopeReadings) -> Result<Figure, SourceFailure> {
        switch formula {
        case .measure(let measure):
            return readings.value(of: measure).map { Figure(value: $0.0, dataTimeMs: $0.1) }
        case .percentage(let part, let whole):
            return readings.value(of: part).flatMap { part in
                readings.value(of: whole).map { whole in
                    // A share of nobody (no trainee has a result yet) is 0 with nothing to judge.
                    Figure(value: whole.0 == 0 ? 0 : 100 * part.0 / whole.0, dataTimeMs: min(part.1, whole.1), nobodyToRate: whole.0 == 0)
                }
            }
        }
    }

    /// A yearly indicator starts from 0 on 1 January and is due on 31 December of the year asked.
    /// Any other starts from its catalogue baseline (0 when none is given) on its baseline date,
    /// or on the plan's start when none is given: without a date to draw the line from, an
    /// indicator with a deadline was "on track" until the deadline whatever its value
    /// (docs/NUMBERS.md, "Status").
    static func planDates(_ indicator: Indicator, _ question: SourceQuestion) -> (baseline: Double, baselineDate: CalendarDate?, deadline: CalendarDate?) {
        if indicator.yearly {
            let year = Int(question.year)
            return (0, CalendarDate(year: year, month: 1, day: 1), CalendarDate(year: year, month: 12, day: 31))
        }
        return (indicator.baseline ?? 0, indicator.baselineDate ?? IndicatorCatalogue.planStart, indicator.deadline)
    }

    private func target(of indicator: Indicator, scope: Int32, _ readings: ScopeReadings) -> Double? {
        if scope != 0, let own = indicator.countyTargets[scope] { return own }
        switch indicator.target {
        case nil: return nil
        case .city(let number): return scope == 0 ? number : nil
        case .everyScope(let number): return number
        case .measure(let measure):
            guard case .success(let (number, _)) = readings.value(of: measure), number > 0 else { return nil }
            return number
        }
    }
}
