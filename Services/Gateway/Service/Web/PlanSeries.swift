import JCSkillsProtocol

/// The city's indicators as of the plan's dates, for the dashboard's charts: each from its
/// baseline to the as-of date, so a chart shows the plan's story rather than the minutes the
/// gateway has been running (IndicatorHistory.swift keeps those, the fallback).
struct PlanSeries: Sendable, Equatable {
    /// A value as of `date` (yyyymmdd); nil where a source did not answer, so the chart
    /// leaves a gap instead of drawing a false fall to zero.
    struct Point: Sendable, Equatable {
        var date: Int32
        var value: Double?
    }

    var asOf: Int32
    var byIndicator: [String: [Point]]

    /// Whether today's city answer differs from the series' last points: data arrived (a demo
    /// loading, an import) or the day turned, so the charts should not wait for the interval.
    func isStale(against today: Totals) -> Bool {
        guard today.asOf == asOf else { return true }
        return today.scope.indicators.contains { indicator in
            let now = indicator.status == .unavailable ? nil : indicator.value
            return now != nil && byIndicator[indicator.key]?.last?.value != now
        }
    }

    /// Where an indicator's line starts and the dates whose totals it needs.
    struct Line: Equatable {
        var start: CalendarDate
        /// The plan's own value at `start`; when nil the start is asked like any other date.
        var declared: Double?
        var dates: [CalendarDate]
    }

    /// A yearly count is 0 on 1 January by definition and changes within the year, so it gets
    /// month ends; a multi-year stock gets quarter ends, which keeps a refresh to a few dozen
    /// totals however long the plan has run.
    static func line(for indicator: Indicator, asOf: CalendarDate) -> Line {
        if indicator.yearly, let january = CalendarDate(year: asOf.year, month: 1, day: 1) {
            let declared: Double? = indicator.steady ? nil : 0
            return Line(start: january, declared: declared, dates: askedDates(from: january, to: asOf, monthsApart: 1, declared: declared))
        }
        let start = indicator.baselineDate ?? IndicatorCatalogue.planStart
        let declared = indicator.baselineDate == nil ? nil : indicator.baseline
        return Line(start: start, declared: declared, dates: askedDates(from: start, to: asOf, monthsApart: 3, declared: declared))
    }

    private static func askedDates(from start: CalendarDate, to asOf: CalendarDate, monthsApart: Int, declared: Double?) -> [CalendarDate] {
        let all = dates(from: start, to: asOf, monthsApart: monthsApart)
        return declared == nil ? all : all.filter { $0 != start }
    }

    /// `start`, every month end (`monthsApart` 1) or quarter end (3) after it and before
    /// `asOf`, and `asOf`.
    static func dates(from start: CalendarDate, to asOf: CalendarDate, monthsApart: Int) -> [CalendarDate] {
        guard start < asOf else { return [asOf] }
        var out = [start]
        var (year, month) = (start.year, start.month)
        while true {
            if month % monthsApart == 0, let end = CalendarDate(year: year, month: month, day: CalendarDate.daysInMonth(month, year: year)) {
                if end >= asOf { break }
                if end > start { out.append(end) }
            }
            (year, month) = month == 12 ? (year + 1, 1) : (year, month + 1)
        }
        out.append(asOf)
        return out
    }
}
