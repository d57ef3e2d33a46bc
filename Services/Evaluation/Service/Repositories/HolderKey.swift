import Foundation
import JCSkillsProtocol
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

    /// The numbers of the holders with blind indexes `indexes`, about to be given certificates:
    /// their own, or for persons new here the next ones after every number given so far (read
    /// from the certificates' index on it), in the order of `indexes`.
    ///
    /// Also locks the holders' rows on PostgreSQL (an upsert that changes nothing still takes
    /// the row lock, and a new row's key blocks a concurrent insert of the same key), so
    /// concurrent writes for one person take turns: each then reads the other's certificates.
    static func file(_ indexes: [Data], in tx: StoreTransaction) async throws -> [Data: Int64] {
        let next = try await tx.nativeRows("SELECT COALESCE(MAX(holder_seq), 0) + 1 AS next FROM certificates").first?.int64("next") ?? 1
        var values: [StoreValue] = []
        values.reserveCapacity(indexes.count * 2)
        for (offset, index) in indexes.enumerated() { values += [StoreValue(index), StoreValue(next + Int64(offset))] }
        let rows = try await tx.nativeInsert(into: "holders", columns: ["holder_index", "seq"], values: values,
                                             suffix: "ON CONFLICT (holder_index) DO UPDATE SET seq = holders.seq RETURNING holder_index, seq")
        var seqs: [Data: Int64] = [:]
        seqs.reserveCapacity(rows.count)
        for row in rows { seqs[try row.data("holder_index")] = try row.int64("seq") }
        guard seqs.count == Set(indexes).count else {
            throw RPCError(.internal, "filing \(indexes.count) holders returned \(seqs.count) rows")
        }
        return seqs
    }
}

extension SQLPredicateBuilder {
    /// Rows of `holder`'s certificates.
    func `where`(holder: HolderKey) -> Self {
        self.where("holder_seq", .equal, SQLBind(holder.seq)).where("holder_index", .equal, SQLBind(holder.index))
    }
}
