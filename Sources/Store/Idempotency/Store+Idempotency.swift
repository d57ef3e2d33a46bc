import Crypto
import Foundation
import JCSkillsProtocol
import SQLKit

extension Store {
    /// The longest idempotency key accepted, in UTF-8 bytes.
    public static let maximumIdempotencyKeyLength = 200

    /// Runs a write at most once per idempotency key, remembering its result.
    ///
    /// The first call with a key runs `body` in a write transaction and stores the bytes it
    /// returns (the encoded response) in the same transaction, so either both the write and
    /// its result commit or neither does. A later call with the same key and the same
    /// `requestDigest` and method returns the stored bytes with ``IdempotentResult/replayed``
    /// set, without running `body` or writing anything (no audit row either: nothing was
    /// written). Concurrent calls with one key never both run `body`: on SQLite writes are
    /// serialised; on PostgreSQL the second waits on the first's claim row and then replays.
    ///
    /// The stored bytes are sealed with ``StoreConfiguration/personalData`` when it is set, so
    /// a response quoting personal data is not readable in the database file.
    ///
    /// Keys belong to a principal (the same key from two callers is two keys) and expire
    /// after ``StoreConfiguration/idempotencyTTL``; after that the key is new again. A call that
    /// fails stores nothing, so retrying it runs the write again.
    ///
    /// - Parameters:
    ///   - key: the client's idempotency key, 1…``maximumIdempotencyKeyLength`` UTF-8 bytes.
    ///   - context: the caller; its principal scopes the key and its method must match.
    ///   - requestDigest: a digest of the encoded request (e.g. SHA-256), compared on reuse.
    /// - Throws: ``StoreError/Kind/idempotencyConflict`` (`FAILED_PRECONDITION`) when the key
    ///   was already used for a different method or request; ``StoreError/Kind/invalidArgument``
    ///   for an empty or over-long key; whatever `body` throws.
    public func idempotent(
        key: String, context: AuditContext, requestDigest: Data,
        _ body: (StoreTransaction) async throws -> Data
    ) async throws -> IdempotentResult {
        guard !key.isEmpty, key.utf8.count <= Self.maximumIdempotencyKeyLength else {
            throw StoreError(.invalidArgument,
                             "an idempotency key must be 1 to \(Self.maximumIdempotencyKeyLength) bytes long")
        }
        return try await transaction(context) { tx in
            let db = tx.database
            let nowMs = now.unixMilliseconds
            let expiresMs = nowMs + configuration.idempotencyTTL.milliseconds
            let owner: SQLQueryString =
                "service = \(bind: service) AND principal = \(bind: context.principal) AND idem_key = \(bind: key)"

            // Claim the key first: a concurrent claimant on PostgreSQL blocks on this row until
            // we commit, then sees our stored result instead of running the write again.
            let claimed = try await db.raw("""
                INSERT INTO jcs_idempotency
                    (service, principal, idem_key, method, request_digest, created_ms, expires_ms)
                VALUES (\(bind: service), \(bind: context.principal), \(bind: key), \(bind: context.method),
                        \(bind: requestDigest), \(bind: nowMs), \(bind: expiresMs))
                ON CONFLICT (service, principal, idem_key) DO NOTHING
                RETURNING idem_key
                """).all()
            if claimed.isEmpty {
                guard let row = try await db.raw("""
                    SELECT method, request_digest, response, response_sealed, expires_ms
                    FROM jcs_idempotency WHERE \(owner)
                    """).first()
                else {
                    throw StoreError(.conflict, "an idempotency key vanished while in use; retry the call")
                }
                if try row.decode(column: "expires_ms", as: Int64.self) <= nowMs {
                    // Expired but not yet purged: the key is new again.
                    try await db.raw("""
                        UPDATE jcs_idempotency SET method = \(bind: context.method),
                            request_digest = \(bind: requestDigest), response = NULL,
                            created_ms = \(bind: nowMs), expires_ms = \(bind: expiresMs)
                        WHERE \(owner)
                        """).run()
                } else {
                    let method = try row.decode(column: "method", as: String.self)
                    let digest = try row.decode(column: "request_digest", as: Data.self)
                    guard method == context.method, digest == requestDigest else {
                        throw StoreError(.idempotencyConflict,
                                         "idempotency key \"\(key)\" was already used for a different request "
                                             + "(\(method)); send a new key with a new request")
                    }
                    guard let stored = try row.decode(column: "response", as: Data?.self) else {
                        throw StoreError(.conflict, "the first call with this idempotency key has not finished; retry")
                    }
                    let response = try row.decode(column: "response_sealed", as: Bool.self)
                        ? try openStoredResponse(stored) : stored
                    tx.markReplay()
                    return IdempotentResult(response: response, replayed: true)
                }
            }
            let response = try await body(tx)
            let sealing = configuration.personalData
            let stored = sealing?.seal(bytes: response, as: .storedResponse) ?? response
            try await db.raw("""
                UPDATE jcs_idempotency SET response = \(bind: stored), response_sealed = \(bind: sealing != nil)
                WHERE \(owner)
                """).run()
            return IdempotentResult(response: response, replayed: false)
        }
    }

    private func openStoredResponse(_ sealed: Data) throws -> Data {
        guard let personal = configuration.personalData else {
            throw StoreError(.invalidConfiguration,
                             "a stored idempotent response is sealed, but this store has no personal-data keys")
        }
        do {
            return try personal.open(bytes: sealed, as: .storedResponse)
        } catch {
            throw StoreError(.corrupted, "a stored idempotent response cannot be opened: \(error)")
        }
    }
}

extension Store {
    /// A write that answers `Response`, run once per idempotency key when the caller gave one
    /// (``idempotent(key:context:requestDigest:_:)``, the digest being SHA-256 of the encoded
    /// request), else in a plain transaction: a retried call returns the first answer and
    /// never writes twice.
    public func write<Response: WireMessage>(
        _ request: some WireMessage, idempotencyKey key: String?, context: AuditContext,
        _ body: (StoreTransaction) async throws -> Response
    ) async throws -> Response {
        guard let key else { return try await transaction(context, body) }
        let digest = Data(SHA256.hash(data: request.wireBytes()))
        let result = try await idempotent(key: key, context: context, requestDigest: digest) { tx in
            Data(try await body(tx).wireBytes())
        }
        return try Response(wireBytes: Array(result.response))
    }
}
