import Synchronization
import JCSkillsProtocol

/// The last value each indicator had, per scope and question, so an answer with a source down
/// can still say what the number was and how old it is.
final class LastKnownValues: Sendable {
    struct Entry: Sendable, Equatable {
        var value: Double
        var dataTimeMs: Int64
    }

    struct Key: Hashable {
        var scope: Int32
        var asOf: Int32
        var year: Int32
        var indicator: String
    }

    private let entries = Mutex<[Key: Entry]>([:])

    func record(_ totals: ScopeTotals, asOf: Int32, year: Int32) {
        entries.withLock { entries in
            for indicator in totals.indicators where indicator.status != .unavailable {
                entries[Key(scope: totals.county, asOf: asOf, year: year, indicator: indicator.key)] =
                    Entry(value: indicator.value, dataTimeMs: indicator.dataTimeMs)
            }
        }
    }

    func entry(scope: Int32, asOf: Int32, year: Int32, indicator: String) -> Entry? {
        entries.withLock { $0[Key(scope: scope, asOf: asOf, year: year, indicator: indicator)] }
    }
}
