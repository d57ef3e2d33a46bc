import JCSkillsProtocol
import Synchronization

/// The registry's large-enterprise lists as last fetched, per county, so the counts the gateway
/// asks for thousands of times a second do not each cost a registry call. Staff counts change
/// with the registry's imports, a few times a year; a few seconds' lag in the compliance figure
/// of the counts is harmless, and the `Compliance` method itself always asks afresh.
final class RecentLargeEnterprises: Sendable {
    /// A fetched list with its credit codes upper-cased once, for matching against bodies.
    struct Entry: Sendable {
        var enterprises: [EnterpriseSummary]
        var codes: Set<String>
        var fetched: ContinuousClock.Instant
    }

    private let entries = Mutex<[Int32: Entry]>([:])

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
