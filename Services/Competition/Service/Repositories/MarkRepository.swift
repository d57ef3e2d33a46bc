import Foundation
import JCSkillsProtocol
import JCSkillsStore
import SQLKit

/// The judges' scores, one row per score.
struct MarkRepository: Sendable {
    let clock: @Sendable () -> Date

    /// One score to write.
    struct Score: Sendable {
        var entryID: Int64
        var criterion: String
        /// ``MarkRules/measurementJudge`` for a measurement.
        var judge: String
        var mark: UInt32
        var markedBy: String
    }

    /// Every score of the event's entries, by entry id.
    func marks(of competition: String, event: String, in db: any SQLDatabase) async throws -> [Int64: EntryMarks] {
        var marks: [Int64: EntryMarks] = [:]
        for row in try await db.nativeRows("""
            SELECT m.entry_id, m.criterion, m.judge, m.mark FROM marks m JOIN entries e ON e.id = m.entry_id
            WHERE e.competition = ? AND e.event = ?
            """, [.text(competition), .text(event)]) {
            let id = try row.int64("entry_id")
            marks[id, default: EntryMarks(entryID: id)].scores[try row.string("criterion"), default: [:]][try row.string("judge")] =
                UInt32(clamping: try row.int64("mark"))
        }
        return marks
    }

    /// Every score of the entries `ids`, by entry id.
    func marks(ofEntries ids: [Int64], in db: any SQLDatabase) async throws -> [Int64: EntryMarks] {
        guard !ids.isEmpty else { return [:] }
        var marks: [Int64: EntryMarks] = [:]
        for row in try await db.nativeRows("""
            SELECT entry_id, criterion, judge, mark FROM marks WHERE entry_id IN \(placeholderList(ids.count))
            """, ids.map(StoreValue.integer)) {
            let id = try row.int64("entry_id")
            marks[id, default: EntryMarks(entryID: id)].scores[try row.string("criterion"), default: [:]][try row.string("judge")] =
                UInt32(clamping: try row.int64("mark"))
        }
        return marks
    }

    func write(_ scores: [Score], in tx: StoreTransaction) async throws {
        guard !scores.isEmpty else { return }
        let now = Int64(clock().timeIntervalSince1970 * 1000)
        try await tx.nativeInsert(
            into: "marks", columns: ["entry_id", "criterion", "judge", "mark", "marked_by", "marked_ms"],
            values: scores.flatMap { [.integer($0.entryID), .text($0.criterion), .text($0.judge), .integer(Int64($0.mark)), .text($0.markedBy), .integer(now)] },
            suffix: "ON CONFLICT (entry_id, criterion, judge) DO UPDATE SET mark = excluded.mark, marked_by = excluded.marked_by, marked_ms = excluded.marked_ms")
    }
}
