import Foundation

/// One row of the audit log, as an auditor reads it.
public struct AuditEntry: Sendable, Hashable {
    /// Increasing with insertion order; usable as a paging cursor (``AuditQuery/before``).
    public var id: Int64
    /// When the row was written, to the millisecond.
    public var time: Date
    /// The service that wrote the row.
    public var service: String
    public var principal: String
    public var method: String
    public var requestID: String
    /// The kind of thing written (`person`, `course`…); `nil` when the write did not name one.
    public var entity: String?
    /// Its identifier. Never personal data: an internal id or a blind-index hex, not an ID number.
    public var entityID: String?
    /// A status name: `OK` for a committed write, `PERMISSION_DENIED`, `FAILED_PRECONDITION`…
    /// for a refused or failed one.
    public var outcome: String
    /// Free text chosen by the writer (never personal data). This and every other text field
    /// is kept to its ``AuditFieldLimits`` (the request id to 128 bytes, this to 1 KiB), cut at
    /// a character boundary and marked `…[cut, N bytes]`.
    public var detail: String?
}

/// A filter over the audit log. Every criterion is optional; all given ones must match.
///
/// Results come newest first. Fetch the next page by passing the previous page's
/// ``AuditPage/nextCursor`` as ``before``.
public struct AuditQuery: Sendable, Hashable {
    public var principal: String?
    public var method: String?
    public var entity: String?
    public var entityID: String?
    /// Rows written at or after this time.
    public var since: Date?
    /// Rows written strictly before this time.
    public var until: Date?
    /// Rows with an id below this one (the previous page's ``AuditPage/nextCursor``).
    public var before: Int64?
    /// Page size, 1…1,000. Default 100.
    public var limit: Int

    public init(
        principal: String? = nil, method: String? = nil, entity: String? = nil, entityID: String? = nil,
        since: Date? = nil, until: Date? = nil, before: Int64? = nil, limit: Int = 100
    ) {
        self.principal = principal
        self.method = method
        self.entity = entity
        self.entityID = entityID
        self.since = since
        self.until = until
        self.before = before
        self.limit = limit
    }
}

/// One page of audit rows, newest first.
public struct AuditPage: Sendable, Hashable {
    public var entries: [AuditEntry]
    /// The cursor for the next (older) page, or `nil` when this is the last page.
    public var nextCursor: Int64?
}
