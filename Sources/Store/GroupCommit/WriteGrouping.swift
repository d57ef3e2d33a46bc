/// Whether a write transaction may share its commit with others (``Store/transaction(_:grouping:_:)``).
public enum WriteGrouping: Sendable {
    /// The default: the write may share a commit with writes that arrive while it waits or runs
    /// (group commit), each in a savepoint of its own so that a failing one is undone alone.
    /// It returns only once that commit is durable, as a lone transaction would.
    case shared
    /// The write commits in a transaction of its own, beside the groups (on SQLite it waits
    /// for the writer between two groups). For bulk writes (an import's thousands of rows): a
    /// savepoint keeps the original of every page the write touches in memory until the commit,
    /// which for a large write is more memory than the shared fsync is worth; and on PostgreSQL
    /// a long write in a group's queue would hold up the small writes behind it.
    case alone
}

/// How many write transactions the store committed, and in how many commits
/// (``Store/groupCommitStatistics``). Since the store opened; failed writes are not counted.
public struct GroupCommitStatistics: Sendable, Equatable {
    /// Write transactions that committed.
    public var writes: Int
    /// Commits that carried them: fewer than ``writes`` when writes shared commits.
    public var commits: Int
    /// Writes that lost to another transaction inside a group (PostgreSQL broke a cycle of lock
    /// waits, or a serialization failure) and ran again alone: each cost at least the
    /// database's deadlock timeout, so a workload that shows them locks rows in an order groups
    /// can cross.
    public var retriedAlone: Int

    public init(writes: Int = 0, commits: Int = 0, retriedAlone: Int = 0) {
        self.writes = writes
        self.commits = commits
        self.retriedAlone = retriedAlone
    }
}
