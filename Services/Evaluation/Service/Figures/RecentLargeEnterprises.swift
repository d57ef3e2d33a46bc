import JCSkillsProtocol
import JCSkillsServiceKit
import Synchronization

/// The registry's large-enterprise lists as last fetched, per county, and the number of them
/// lacking a body, so the counts the gateway asks for thousands of times a second cost neither a
/// registry call nor a read of every body. Staff counts change with the registry's imports, a
/// few times a year: a few seconds' lag in the compliance figure of the counts is harmless, and
/// the `Compliance` method itself always asks afresh. A body registered or changed through this
/// process clears the counted figure at once.
final class RecentLargeEnterprises: Sendable {
    /// A fetched list with its credit codes upper-cased once, for matching against bodies.
    struct Entry: Sendable {
        var enterprises: [EnterpriseSummary]
        var codes: Set<String>
        var fetched: ContinuousClock.Instant
        /// How many of them lack an active body, counted at ``bodiesGeneration``.
        var lacking: UInt64?
        var bodiesGeneration: UInt64 = 0
    }

    private let entries = Mutex<[Int32: Entry]>([:])
    private let generation = Mutex<UInt64>(0)

    /// Past days' lacking counts (the gateway asks for its planning window's first day with
    /// every `Totals`: without these, each asked the registry for that day's list; BENCHMARKS.md
    /// note 22). A day already past changes no more, but the same age limit and body changes apply.
    private struct PastDay: Hashable {
        var county: Int32
        var day: Int32
    }
    private let pastDays = Mutex<[PastDay: (lacking: UInt64, counted: ContinuousClock.Instant, bodiesGeneration: UInt64)]>([:])
    /// Days kept at most; past it the memo starts again.
    static let maximumPastDays = 256

    var bodiesGeneration: UInt64 { generation.withLock { $0 } }

    /// One count at a time per county and day (nil: today): when a list expires under the
    /// gateway's load, every `Counts` in flight missed it at once and asked the registry.
    let counting = SingleFlight<CountKey, UInt64>()

    struct CountKey: Hashable, Sendable {
        var county: Int32
        var day: Int32?
    }

    func bodiesChanged() {
        generation.withLock { $0 &+= 1 }
        counting.forget()
    }

    /// The lacking count for `county` if it was counted from this list with the bodies as
    /// they are now.
    func lacking(county: Int32, maxAge: Duration, now: ContinuousClock.Instant = .now) -> UInt64? {
        let current = bodiesGeneration
        return entries.withLock { entries in
            guard let entry = entries[county], now - entry.fetched < maxAge, entry.bodiesGeneration == current else { return nil }
            return entry.lacking
        }
    }

    func record(lacking: UInt64, county: Int32, bodiesGeneration: UInt64) {
        entries.withLock { entries in
            entries[county]?.lacking = lacking
            entries[county]?.bodiesGeneration = bodiesGeneration
        }
    }

    /// The lacking count for `county` on a past `day`, if counted less than `maxAge` ago with
    /// the bodies as they are now.
    func lacking(county: Int32, on day: Int32, maxAge: Duration, now: ContinuousClock.Instant = .now) -> UInt64? {
        let current = bodiesGeneration
        return pastDays.withLock { days in
            guard let known = days[PastDay(county: county, day: day)], now - known.counted < maxAge,
                  known.bodiesGeneration == current else { return nil }
            return known.lacking
        }
    }

    func record(lacking: UInt64, county: Int32, on day: Int32, bodiesGeneration: UInt64, now: ContinuousClock.Instant = .now) {
        pastDays.withLock { days in
            if days.count >= Self.maximumPastDays { days.removeAll() }
            days[PastDay(county: county, day: day)] = (lacking, now, bodiesGeneration)
        }
    }

    func lookup(county: Int32, maxAge: Duration, now: ContinuousClock.Instant = .now) -> Entry? {
        entries.withLock { entries in
            guard let entry = entries[county], now - entry.fetched < maxAge else { return nil }
            return entry
        }
    }

    @discardableResult
    func store(_ enterprises: [EnterpriseSummary], county: Int32, now: ContinuousClock.Instant = .now) -> Entry {
        let entry = Entry(enterprises: enterprises, codes: Set(enterprises.map { $0.creditCode.uppercased() }), fetched: now)
        entries.withLock { $0[county] = entry }
        return entry
    }
}
