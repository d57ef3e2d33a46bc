public struct TotalsRequest: WireMessage, Hashable {
    /// A county's code; 0 for the city; ``TotalsRequest/everyCounty`` for the city plus a
    /// breakdown by county.
    public var county: Int32 = 0
    /// `yyyymmdd`; 0 for today.
    public var asOf: Int32 = 0
    /// The year of the yearly indicators; 0 for the as-of date's year.
    public var year: Int32 = 0
    /// Skip the gateway's short cache (the answer is computed from the sources now).
    public var fresh: Bool = false

    public static let everyCounty: Int32 = -1

    public init() {}
    public init(county: Int32 = 0, asOf: Int32 = 0, year: Int32 = 0, fresh: Bool = false) {
        self.county = county
        self.asOf = asOf
        self.year = year
        self.fresh = fresh
    }
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "county", &county)
        try v.field(2, "asOf", &asOf)
        try v.field(3, "year", &year)
        try v.field(4, "fresh", &fresh)
    }
}

/// One indicator's standing for one scope (the city or a county).
public struct IndicatorValue: WireMessage, Hashable {
    public var key: String = ""
    public var nameZh: String = ""
    public var nameEn: String = ""
    /// `persons`, `enterprises`, `institutions`, `percent`…
    public var unit: String = ""
    /// The service the value comes from.
    public var source: String = ""
    public var value: Double = 0
    /// Whether ``target`` is set (a county may have none where the city has one).
    public var hasTarget: Bool = false
    public var target: Double = 0
    public var baseline: Double = 0
    /// `yyyymmdd` of the baseline and of the deadline; 0 when none.
    public var baselineDate: Int32 = 0
    public var deadline: Int32 = 0
    /// Share of the way from baseline to target, 0…1 (more than 1 when exceeded).
    public var progress: Double = 0
    public var status: IndicatorStatus = .unspecified
    /// The value the linear projection reaches at the deadline.
    public var projected: Double = 0
    /// When the source's data was read, ms since 1970.
    public var dataTimeMs: Int64 = 0
    /// Why the value is unavailable; empty when available.
    public var reason: String = ""
    /// For an unavailable indicator: the last value the gateway saw, and when.
    public var hasLastKnown: Bool = false
    public var lastKnownValue: Double = 0
    public var lastKnownTimeMs: Int64 = 0
    /// True when the target is a ceiling (fewer is better: enterprises lacking a body).
    public var lowerIsBetter: Bool = false

    // The planning aid (docs/NUMBERS.md, "Planning aid"): what it takes to reach the target in
    // time, against what the last 90 days did. Rates are changes per month of 30.4375 days, in
    // the indicator's unit (percentage points for a percentage), signed: negative is a fall, so
    // a ceiling's (``lowerIsBetter``) needed rate is negative. Added as fields 21+, so a client
    // built before them reads the rest as before.

    /// Whether the planning fields below say anything: the indicator has a target and a
    /// deadline (a yearly one: 31 December), is not a steady rate, and has a value.
    public var hasPlan: Bool = false
    /// The change per month still needed from the as-of date to reach the target by the
    /// deadline; 0 when the target is met or the deadline has passed (see ``deadlinePassed``).
    public var neededPerMonth: Double = 0
    /// The change per month over the last ``windowDays`` days; meaningful when ``hasCurrent``.
    public var currentPerMonth: Double = 0
    /// `yyyymm` of the month the target is reached at ``currentPerMonth``; 0 when already met,
    /// when the current rate does not move towards the target, when it is unknown, for a yearly
    /// indicator when not before 31 December, or when more than a hundred years away.
    public var reachedMonth: Int32 = 0
    /// The deadline is on or before the as-of date and the target is unmet: no rate per month
    /// reaches it in time, and ``neededPerMonth`` is 0.
    public var deadlinePassed: Bool = false
    /// Whether the value at the start of the window could be read (a source may answer for the
    /// as-of date and not for the earlier one); without it there is no current rate.
    public var hasCurrent: Bool = false
    /// The days the current rate is measured over: 90, or for a yearly indicator early in its
    /// year the days since 1 January (as-of date included), when the year has had fewer.
    public var windowDays: Int32 = 0
    public init() {}
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "key", &key)
        try v.field(2, "nameZh", &nameZh)
        try v.field(3, "nameEn", &nameEn)
        try v.field(4, "unit", &unit)
        try v.field(5, "source", &source)
        try v.field(6, "value", &value)
        try v.field(7, "hasTarget", &hasTarget)
        try v.field(8, "target", &target)
        try v.field(9, "baseline", &baseline)
        try v.field(10, "baselineDate", &baselineDate)
        try v.field(11, "deadline", &deadline)
        try v.field(12, "progress", &progress)
        try v.field(13, "status", &status)
        try v.field(14, "projected", &projected)
        try v.field(15, "dataTimeMs", &dataTimeMs)
        try v.field(16, "reason", &reason)
        try v.field(17, "hasLastKnown", &hasLastKnown)
        try v.field(18, "lastKnownValue", &lastKnownValue)
        try v.field(19, "lastKnownTimeMs", &lastKnownTimeMs)
        try v.field(20, "lowerIsBetter", &lowerIsBetter)
        try v.field(21, "hasPlan", &hasPlan)
        try v.field(22, "neededPerMonth", &neededPerMonth)
        try v.field(23, "currentPerMonth", &currentPerMonth)
        try v.field(24, "reachedMonth", &reachedMonth)
        try v.field(25, "deadlinePassed", &deadlinePassed)
        try v.field(26, "hasCurrent", &hasCurrent)
        try v.field(27, "windowDays", &windowDays)
    }
}

/// The indicators of one scope.
public struct ScopeTotals: WireMessage, Hashable {
    /// 0 for the city.
    public var county: Int32 = 0
    public var indicators: [IndicatorValue] = []
    public init() {}
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "county", &county)
        try v.field(2, "indicators", &indicators)
    }
}

/// How one source answered this time.
public struct SourceState: WireMessage, Hashable {
    public var service: String = ""
    public var available: Bool = false
    public var reason: String = ""
    public var latencyMicros: Int64 = 0
    public init() {}
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "service", &service)
        try v.field(2, "available", &available)
        try v.field(3, "reason", &reason)
        try v.field(4, "latencyMicros", &latencyMicros)
    }
}

public struct Totals: WireMessage, Hashable {
    /// `yyyymmdd` the answer is for, and the year of the yearly indicators.
    public var asOf: Int32 = 0
    public var year: Int32 = 0
    /// The scope asked for (the city when a breakdown was asked).
    public var scope: ScopeTotals = ScopeTotals()
    /// One entry per county, when every county was asked for.
    public var counties: [ScopeTotals] = []
    public var sources: [SourceState] = []
    /// True when some source did not answer: some indicators are `unavailable`.
    public var partial: Bool = false
    public var generatedMs: Int64 = 0
    /// True when served from the gateway's short cache.
    public var cached: Bool = false
    public init() {}
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "asOf", &asOf)
        try v.field(2, "year", &year)
        try v.field(3, "scope", &scope)
        try v.field(4, "counties", &counties)
        try v.field(5, "sources", &sources)
        try v.field(6, "partial", &partial)
        try v.field(7, "generatedMs", &generatedMs)
        try v.field(8, "cached", &cached)
    }
}

public struct WatchRequest: WireMessage, Hashable {
    public var totals: TotalsRequest = TotalsRequest()
    /// How often the gateway asks the sources again; 0 for the gateway's default.
    public var intervalMs: Int32 = 0
    /// Send the set again after this long even when nothing changed; 0 for never.
    public var heartbeatSeconds: Int32 = 0
    public init() {}
    @inlinable public mutating func visitFields<V: WireFieldVisitor>(_ v: inout V) throws(WireError) {
        try v.field(1, "totals", &totals)
        try v.field(2, "intervalMs", &intervalMs)
        try v.field(3, "heartbeatSeconds", &heartbeatSeconds)
    }
}
