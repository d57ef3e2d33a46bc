import JCSkillsProtocol

/// A failure of the store, with a readable message and the RPC status a caller should see.
///
/// Database errors from either backend (SQLite result codes, PostgreSQL SQLSTATEs, connection
/// failures) reach service code already translated into a `StoreError`, so handlers never
/// switch over backend-specific errors. Errors thrown by service code inside a transaction
/// (an `RPCError`, say) pass through the store unchanged.
///
/// Messages never contain bound values, so they are safe to log and to send to a peer.
///
/// A handler simply lets a `StoreError` through: the RPC runtime answers with ``rpcError``
/// (UNAVAILABLE for a database that cannot be reached, RESOURCE_EXHAUSTED for a full disk…),
/// never the INTERNAL it gives errors it does not know.
public struct StoreError: Error, Sendable, CustomStringConvertible, RPCErrorConvertible {
    /// What went wrong, coarse enough to decide what to do about it.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// The database cannot be reached or opened (server down, wrong host, bad credentials,
        /// missing file or directory, pool exhausted for too long, store closed). Retry later.
        case unavailable
        /// The database refuses writes (read-only file or file system, read-only replica).
        case readOnly
        /// The disk or a quota is full.
        case storageFull
        /// The database was migrated by a newer binary than this one. Refuse to start.
        case schemaTooNew
        /// A migration failed, or the recorded migrations do not fit the declared ones.
        case migrationFailed
        /// The configuration (location, key file, limits, migration list) is unusable.
        case invalidConfiguration
        /// An idempotency key was reused with a different request.
        case idempotencyConflict
        /// A uniqueness constraint (primary key, unique index) was violated.
        case alreadyExists
        /// Another constraint (foreign key, check, not null, append-only audit log) refused the write.
        case constraintViolation
        /// A concurrent transaction got in the way (serialisation failure, deadlock, lock
        /// timeout). Retrying the whole transaction is safe.
        case conflict
        /// A statement ran after an earlier statement of the same transaction failed, or after
        /// the transaction ended. On PostgreSQL the transaction is dead at that point; the store
        /// enforces the same rule on SQLite so code behaves alike on both backends.
        case transactionAborted
        /// The caller passed an unusable argument (an over-long idempotency key, a bad page size).
        case invalidArgument
        /// The database file or a stored value is damaged.
        case corrupted
        /// Any other database error (SQL syntax, unknown column…): a bug in the caller.
        case queryFailed
    }

    public var kind: Kind
    /// A sentence for logs and for the caller. Never contains bound values or personal data.
    public var message: String
    /// PostgreSQL aborted the statement to break a deadlock, or as a serialisation failure
    /// (SQLSTATE 40P01, 40001): nothing of the transaction remains, and it may simply run again
    /// (``GroupCommitter`` does so for a write that shared a commit).
    var lostToAnotherTransaction = false

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// The status code an RPC handler should answer with.
    ///
    /// Unavailable and read-only map to `UNAVAILABLE` (the client may retry elsewhere or
    /// later); a full disk to `RESOURCE_EXHAUSTED`; a too-new schema, migration trouble,
    /// configuration errors, idempotency conflicts and constraint violations to
    /// `FAILED_PRECONDITION`; conflicts between transactions to `ABORTED`; damage to `DATA_LOSS`;
    /// anything else to `INTERNAL`.
    public var statusCode: StatusCode {
        switch kind {
        case .unavailable, .readOnly: .unavailable
        case .storageFull: .resourceExhausted
        case .schemaTooNew, .migrationFailed, .invalidConfiguration, .idempotencyConflict, .constraintViolation:
            .failedPrecondition
        case .alreadyExists: .alreadyExists
        case .conflict: .aborted
        case .invalidArgument: .invalidArgument
        case .corrupted: .dataLoss
        case .transactionAborted, .queryFailed: .internal
        }
    }

    /// The error as an `RPCError`, ready to throw from a handler.
    ///
    /// For ``Kind/queryFailed`` and ``Kind/transactionAborted`` the message is generic: those
    /// are bugs, and SQL text is no business of a remote peer (the full message is in the log).
    public var rpcError: RPCError {
        switch kind {
        case .queryFailed, .transactionAborted: RPCError(statusCode, "internal storage error")
        default: RPCError(statusCode, message)
        }
    }

    public var description: String { "\(kind.rawValue): \(message)" }
}

extension StoreError {
    /// A transaction body caught a failed statement and returned normally: PostgreSQL would turn
    /// the commit into a silent rollback, so the store rolls back and says so.
    static var bodyCarriedOnAfterFailure: StoreError {
        StoreError(.transactionAborted, "a statement failed but the transaction body carried on; rolled back")
    }
}
