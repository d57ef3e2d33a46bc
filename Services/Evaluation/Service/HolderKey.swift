import Foundation
import JCSkillsStore
import SQLKit

/// How a holder's certificates are found: by `seq`, the number `holders` gives each person in
/// the order they first appear, and by `index`, the blind index of their ID number.
///
/// The certificates' holder index is keyed by `seq` (``EvaluationSchema``, migration 7). Keyed
/// by the blind index, an HMAC, every imported certificate landed on a random page of a 60 MB
/// index (at 1 M certificates), and a batch rewrote most of it; numbered in order of arrival,
/// new persons append. The number only orders: two persons first seen by concurrent writes on
/// PostgreSQL may share one, so every query matches the blind index as well.
struct HolderKey: Sendable, Hashable {
    var seq: Int64
    var index: Data

    /// The holder's key, or nil when they have no certificate here.
    static func find(_ index: Data, in db: any SQLDatabase) async throws -> HolderKey? {
        try await db.select().column("seq").from("holders").where("holder_index", .equal, SQLBind(index)).first()
            .map { HolderKey(seq: try $0.decode(column: "seq", as: Int64.self), index: index) }
    }

    /// The number a person first seen now gets: after every number given so far, read from the
    /// certificates' own index on it (every holder has a certificate).
    static let nextSeqSQL = "(SELECT COALESCE(MAX(holder_seq), 0) + 1 FROM certificates)"
}

extension SQLPredicateBuilder {
    /// Rows of `holder`'s certificates.
    func `where`(holder: HolderKey) -> Self {
        self.where("holder_seq", .equal, SQLBind(holder.seq)).where("holder_index", .equal, SQLBind(holder.index))
    }
}
