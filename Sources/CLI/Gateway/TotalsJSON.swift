import Foundation
import JCSkillsProtocol

/// `jcskills totals --json`: the answer as JSON, field names as in the protocol.
enum TotalsJSON {
    static func render(_ totals: Totals) -> String {
        let object: [String: Any] = [
            "as_of": IndicatorValue.isoDate(totals.asOf),
            "year": totals.year,
            "partial": totals.partial,
            "cached": totals.cached,
            "generated_ms": totals.generatedMs,
            "sources": totals.sources.map { ["service": $0.service, "available": $0.available, "reason": $0.reason, "latency_us": $0.latencyMicros] },
            "city": scope(totals.scope),
            "counties": totals.counties.map(scope),
        ]
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }

    private static func scope(_ scope: ScopeTotals) -> [String: Any] {
        ["county": scope.county, "indicators": scope.indicators.map(indicator)]
    }

    private static func indicator(_ value: IndicatorValue) -> [String: Any] {
        var out: [String: Any] = [
            "key": value.key, "name_zh": value.nameZh, "name_en": value.nameEn, "unit": value.unit, "source": value.source,
            "status": value.status == .onTrack ? "on_track" : value.status == .noTarget ? "no_target" : value.status.description,
        ]
        if value.status == .unavailable {
            out["reason"] = value.reason
            if value.hasLastKnown {
                out["last_known"] = ["value": value.lastKnownValue, "data_time_ms": value.lastKnownTimeMs]
            }
            return out
        }
        out["value"] = value.value
        out["data_time_ms"] = value.dataTimeMs
        if value.hasTarget {
            out["target"] = value.target
            out["baseline"] = value.baseline
            out["progress"] = value.progress
            out["projected"] = value.projected
            if value.deadline > 0 { out["deadline"] = IndicatorValue.isoDate(value.deadline) }
        }
        out["has_plan"] = value.hasPlan
        if value.hasPlan { out.merge(plan(value)) { $1 } }
        return out
    }

    /// The planning aid (docs/NUMBERS.md, "Planning aid"): a needed rate of null after the
    /// deadline, a current rate of null when unknown, a reached month of null when none.
    private static func plan(_ value: IndicatorValue) -> [String: Any] {
        [
            "needed_per_month": value.deadlinePassed ? NSNull() : value.neededPerMonth,
            "current_per_month": value.hasCurrent ? value.currentPerMonth : NSNull(),
            "reached_month": value.reachedMonth > 0 ? value.reachedMonth : NSNull(),
            "deadline_passed": value.deadlinePassed,
            "has_current": value.hasCurrent,
            "window_days": value.windowDays,
            "verdict": value.planVerdict.map(verdict) ?? NSNull(),
        ]
    }

    private static func verdict(_ verdict: PlanVerdict) -> String {
        switch verdict {
        case .met: "met"
        case .deadlinePassed: "deadline_passed"
        case .rateUnknown: "rate_unknown"
        case .onCourse: "on_course"
        case .tooSlow: "too_slow"
        case .notMoving: "not_moving"
        }
    }
}
