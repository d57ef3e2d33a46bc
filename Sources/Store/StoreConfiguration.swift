import Foundation
import Logging

/// Everything a service decides about its store. Only ``service`` and ``location`` are
/// required; every other setting has a default suitable for production.
public struct StoreConfiguration: Sendable {
    /// The owning service's name (`registry`, `training`, …): the key under which its
    /// migrations, idempotency keys and audit rows are recorded, so several services may
    /// share one PostgreSQL database. Lower-case letters, digits, `-` and `_`; at most 64.
    public var service: String
    /// Where the data lives.
    public var location: StoreLocation

    /// Seals the responses the store keeps for idempotent writes, which are encoded RPC
    /// responses and may well quote ID numbers, names or phone numbers. Default `nil`: stored
    /// as they are. Set it in every service that handles personal data, or those responses
    /// would be readable in the database file for the ``idempotencyTTL``.
    public var personalData: PersonalData? = nil

    /// How long an idempotency key is remembered. Default 24 hours. A retry after this
    /// window runs the write again.
    public var idempotencyTTL: Duration = .seconds(24 * 3600)
    /// Audit rows older than this many days are deleted by the maintenance purge, and only
    /// those: younger rows cannot be deleted at all. Default 365 (China's Cybersecurity Law
    /// asks for at least six months of logs). Minimum 1.
    public var auditRetentionDays: Int = 365
    /// How often the store purges expired idempotency keys and audit rows past retention in
    /// the background. Default hourly; `nil` leaves purging to ``Store/purgeExpired()``.
    /// A purge also runs once when the store opens.
    public var maintenanceInterval: Duration? = .seconds(3600)

    /// SQLite: how long a write waits for another process holding the database lock before
    /// failing with ``StoreError/Kind/conflict``. Default 10 seconds. Writers inside one
    /// process never wait on this: they queue on the store's single writer connection.
    public var busyTimeout: Duration = .seconds(10)
    /// SQLite: page cache of the writer connection, in MiB. Default 32 (SQLite's own default
    /// is 2): writes walk every index of the table they touch, and blind indexes are random
    /// keys, so a small cache keeps re-reading index pages.
    public var sqliteWriterCacheMiB: Int = 32
    /// SQLite: page cache of each read connection, in MiB. Default 16 (SQLite's own default is
    /// 2): a look-up by blind index lands on a random leaf of a large index, and with 2 MiB
    /// the registry's verification of a class list spent a sixth of its time in `pread` of
    /// pages the operating system already held (1.5 M persons).
    public var sqliteReaderCacheMiB: Int = 16
    /// SQLite: read connections (reads run in parallel with the writer thanks to WAL).
    /// Default 4.
    public var sqliteReaders: Int = 4

    /// PostgreSQL: connections per event loop of the shared NIO event loop group (one loop per
    /// core). Default 4.
    public var postgresConnectionsPerEventLoop: Int = 4
    /// PostgreSQL: whether reads run as prepared statements, parsed once per connection and
    /// executed by name after (Sources/Store/Native/PostgresStatementText.swift). Default on.
    /// Other writes than typed inserts (``postgresPreparedInserts``) are not prepared: their
    /// texts are many, and PostgreSQL keeps each prepared one for the connection's life.
    public var postgresPreparedReads = true
    /// PostgreSQL: whether typed inserts (`nativeInsert(into:columns:types:values:suffix:)`, and
    /// every insert whose columns each hold one kind of value, typed by its values) run as
    /// prepared statements — each one text for any number of rows, its columns bound as arrays. Default on: a `VALUES` list of
    /// each new length was parsed and planned afresh, about as long as inserting its rows
    /// (BENCHMARKS.md note 30). Off for a pooler in front of PostgreSQL that cannot keep
    /// prepared statements (PgBouncer before 1.21 in transaction mode): the same texts are then
    /// sent as text.
    public var postgresPreparedInserts = true
    /// PostgreSQL: whether prepared reads always run their generic plan, planned once per
    /// connection (`plan_cache_mode = force_generic_plan`, sent at connection start). Default on.
    /// Left to itself, PostgreSQL plans a prepared statement afresh at every run while a plan
    /// for the values at hand looks cheaper than the generic one — which it did for most of the
    /// figures' statements (dates and scopes as parameters): at city scale, gateway `Totals`
    /// spent as much server time planning as running (12.1 s against 13.1 s in a 10 s run),
    /// and forcing the generic plan gave 1.4–1.5× the answers a second, each statement no
    /// slower (BENCHMARKS.md note 17). Off: PostgreSQL's own choice.
    /// Writes, sent as text, are planned for their values either way.
    public var postgresGenericPlans = true
    /// PostgreSQL: whether identical one-statement reads (``Store/rows(_:_:)``: the figures'
    /// statements, the same text and values) that arrive while one runs share its next run
    /// (Sources/Store/Native/SharedReads.swift). Default on. A read never takes the rows of a
    /// statement that started before it arrived, so each still sees every write committed
    /// before it; what is saved is the round trip, the driver's work and the server's set-up
    /// of the statement, run once for all the callers asking at the time (BENCHMARKS.md
    /// note 26). SQLite reads run on the caller's thread for a few microseconds, and are not shared.
    public var postgresSharedReads = true
    /// PostgreSQL: how many statements of one read by key (``Store/rows(_:key:)``: the registry's
    /// look-ups of persons) run at once; a read arriving while they all run waits, and the next
    /// run reads the keys of every read that waited in one `IN` list (Sources/Store/Native/KeyedReads.swift).
    /// Default 2. As with shared reads, a read never takes the rows of a statement that started
    /// before it arrived. A lone read runs at once, as before; under load each statement —
    /// a round trip, the driver's work on both sides, the server's set-up — carries many
    /// look-ups instead of one (BENCHMARKS.md note 28). 0: each read runs its own statement.
    public var postgresKeyedReadRuns = 2
    /// PostgreSQL: write transactions that run at once, each lane a queue of writers sharing
    /// commits on one connection (``Store/transaction(_:grouping:_:)``); a writer takes the least
    /// busy lane, so writes share commits only once every lane is busy. SQLite has one writer,
    /// hence one lane, whatever this says. Default 4: with one lane a handful of writers run one
    /// after another where they used to run side by side (the kill -9 fault test's writes took a
    /// third longer, and its probe rarely found a commit in flight). One lane may suit a service
    /// whose writes all take the same rows (a sequence row, say), which a group holds until it
    /// commits: before counters were held to the commit, registrations at 64 outstanding ran at
    /// 710–723 a second with one lane against 360–436 with four (release, 2026-12-05,
    /// BENCHMARKS.md "Single writes"; not measured since).
    public var postgresWriteLanes: Int = 4
    /// Whether concurrent writes share commits (group commit, Sources/Store/GroupCommit/). Default
    /// on: registrations at 64 outstanding on SQLite ran 4–9× faster (BENCHMARKS.md note 13).
    /// Off, every write commits alone.
    ///
    /// It was off while two defects stood, both since fixed. On PostgreSQL a group holds the row
    /// locks of all its writes until its one commit, and the writes' counter upserts took the
    /// shared counter rows in the order the writes came, so two groups (two lanes, two replicas
    /// on one database) deadlocked (SQLSTATE 40P01): counter deltas are now held back and added
    /// just before each commit, summed per key, in one order (table, then key) in every process
    /// (Sources/Store/Native/SQLDatabase+Deltas.swift), so no cycle of waits can run through
    /// counter rows; a write that still loses a deadlock (over a sequence row, say) runs again
    /// once, alone (Sources/Store/GroupCommit/GroupCommitter.swift). And on SQLite the kill -9
    /// fault test saw a call unanswered until its deadline: not the store, but the test freezing
    /// the service (SIGSTOP) half-way through a commit's update of the WAL index and then reading
    /// the database from another process, which SQLite makes wait about ten seconds
    /// (Tests/ServiceTests/Faults/FaultWorkload.swift).
    public var groupCommit = true
    /// The most write transactions one commit carries (group commit). Default 128: twice the 64
    /// calls a busy client keeps outstanding, and a bound on how long the group's first writer
    /// waits for the others' bodies to run.
    public var groupCommitLimit: Int = 128

    /// PostgreSQL: how long a call waits for a free connection before failing with
    /// ``StoreError/Kind/unavailable``. Default 10 seconds. Connection failures are reported
    /// at once, not after this time.
    public var connectionRequestTimeout: Duration = .seconds(10)

    /// Where diagnostics go. SQL text is never logged with its bound values unless
    /// ``queryLogLevel`` is set.
    public var logger: Logger = Logger(label: "jcskills.store")
    /// The level at which every statement is logged with its bound values, or `nil` (the
    /// default) for none. Bound values are sealed where they matter, but keep this for debugging.
    public var queryLogLevel: Logger.Level? = nil
    /// The clock for idempotency expiry and audit times. Tests replace it; default `Date()`.
    public var now: @Sendable () -> Date = { Date() }

    public init(service: String, location: StoreLocation) {
        self.service = service
        self.location = location
    }

    /// Checks the settings, so a bad configuration fails at start-up with a clear message.
    func validate() throws {
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-_")
        guard !service.isEmpty, service.count <= 64, service.allSatisfy(allowed.contains) else {
            throw StoreError(.invalidConfiguration,
                             "service name \"\(service)\" must be 1–64 characters of a–z, 0–9, - and _")
        }
        guard auditRetentionDays >= 1 else {
            throw StoreError(.invalidConfiguration, "audit retention must be at least 1 day")
        }
        guard idempotencyTTL > .zero else {
            throw StoreError(.invalidConfiguration, "the idempotency key lifetime must be positive")
        }
        guard sqliteReaders >= 1, postgresConnectionsPerEventLoop >= 1, sqliteWriterCacheMiB >= 1, sqliteReaderCacheMiB >= 1,
              postgresWriteLanes >= 1, groupCommitLimit >= 1 else {
            throw StoreError(.invalidConfiguration, "connection counts, page caches, write lanes and the group commit limit must be at least 1")
        }
    }
}

extension Duration {
    /// Whole milliseconds, rounded down.
    var milliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}

extension Date {
    /// Unix time in whole milliseconds: how the store keeps times, identically on both backends.
    var unixMilliseconds: Int64 { Int64((timeIntervalSince1970 * 1000).rounded(.down)) }

    init(unixMilliseconds: Int64) {
        self.init(timeIntervalSince1970: Double(unixMilliseconds) / 1000)
    }
}
