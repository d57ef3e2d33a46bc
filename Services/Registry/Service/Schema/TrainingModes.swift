import Foundation
import JCSkillsProtocol
import JCSkillsStore
import SQLKit

/// The plan's five training modes (``TrainingMode``) replaced four others under the same
/// numbers: 1 in person, 2 online, 3 on the job, 4 apprenticeship. Migration 7 maps each
/// stored wish, and the history of its changes, onto the mode that gives the same training —
/// in person → 项目制 (the government-bought course), online → 互联网+, on the job → 以工代训,
/// apprenticeship → 新型学徒制 — as the CSV reader does for files of the earlier version.
enum TrainingModes {
    static let earlier: [Int32: TrainingMode] = [
        1: .projectBased, 2: .internetPlus, 3: .trainingInPlaceOfWork, 4: .newApprenticeship,
    ]

    static let migration = Migration(7, "the plan's five training modes") { db, _ in
        var after: Int64 = 0
        while true {
            let rows = try await db.raw("SELECT id, details FROM persons WHERE id > \(bind: after) ORDER BY id LIMIT 10000").all()
            guard !rows.isEmpty else { break }
            for row in rows {
                after = try row.decode(column: "id", as: Int64.self)
                var details = try PersonDetails(wireBytes: Array(try row.decode(column: "details", as: Data.self)))
                guard let mode = earlier[details.trainingMode.rawValue] else { continue }
                details.trainingMode = mode
                try await db.raw("UPDATE persons SET details = \(bind: Data(details.wireBytes())) WHERE id = \(bind: after)").run()
            }
        }
        let cases = earlier.sorted { $0.key < $1.key }.map { "WHEN '\($0.key)' THEN '\($0.value.rawValue)'" }.joined(separator: " ")
        for column in ["old_value", "new_value"] {
            try await db.raw(SQLQueryString("UPDATE person_history SET \(unsafeRaw: column) = CASE \(unsafeRaw: column) \(unsafeRaw: cases) ELSE \(unsafeRaw: column) END WHERE field = 'training_mode'")).run()
        }
    }
}
