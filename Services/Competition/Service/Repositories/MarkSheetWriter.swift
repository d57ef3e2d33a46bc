import JCSkillsMessages
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsServiceKit
import JCSkillsStore

/// Writes one judge's sheet of marks (docs/COMPETITIONS.md, "Marks, closing, results"): all or
/// none, in the caller's transaction, with the event's row held so that a close waits for it
/// (or it sees the close). Every changed mark is named in the sheet's audit row.
struct MarkSheetWriter: Sendable {
    let competitions: CompetitionRepository
    let entries: EntryRepository
    let marks: MarkRepository

    func write(_ sheet: MarkSheet, by judge: String, in tx: StoreTransaction) async throws -> MarkSheetReceipt {
        guard let stored = try await competitions.holdEvent(sheet.competitionCode, sheet.eventCode, in: tx) else {
            throw RPCError(.notFound, Messages.CompetitionRefusals.noEvent(sheet.eventCode, competition: sheet.competitionCode))
        }
        guard stored.state == .open else {
            throw RuleRefusal(rule: RuleRefusal.eventOpen, reason: Messages.CompetitionRefusals.marksLocked(sheet.eventCode))
        }
        let event = stored.event
        let criteria = Dictionary(uniqueKeysWithValues: event.criteria.map { ($0.code, $0) })
        // Only the sheet's entries and their marks: a sheet costs the same in an event of 20 or 2,000.
        let numbers = Array(Set(sheet.marks.map { $0.entryNumber.trimmingWhitespace }))
        let ids = try await entries.ids(of: sheet.competitionCode, event: event.code, numbers: numbers, in: tx)
        var existing = try await marks.marks(ofEntries: Array(Set(ids.values)), in: tx)

        var receipt = MarkSheetReceipt()
        var scores: [MarkRepository.Score] = []
        var changes: [String] = []
        var touched = Set<String>()
        var seen = Set<String>()
        for (index, mark) in sheet.marks.enumerated() {
            let field = "marks[\(index)]"
            let number = mark.entryNumber.trimmingWhitespace
            let code = mark.criterionCode.trimmingWhitespace
            guard let entryID = ids[number] else {
                throw RuleViolation(field: field + ".entry_number", reason: Messages.CompetitionRefusals.noEntry(number, event: event.code))
            }
            guard let criterion = criteria[code] else {
                throw RuleViolation(field: field + ".criterion_code", reason: Messages.CompetitionRefusals.noCriterion(code, event: event.code))
            }
            guard mark.mark <= criterion.maximum else {
                throw RuleViolation(field: field + ".mark", reason: Messages.CompetitionRefusals.aboveMaximum(MarkRules.format(mark.mark), criterion: code, maximum: MarkRules.format(criterion.maximum)))
            }
            guard seen.insert(number + "\u{0}" + code).inserted else {
                throw RuleViolation(field: field, reason: Messages.CompetitionRefusals.markedTwice(number, code))
            }
            let slot = criterion.type == .measurement ? MarkRules.measurementJudge : judge
            var byJudge = existing[entryID]?.scores[code] ?? [:]
            if let before = byJudge[slot] {
                if before == mark.mark {
                    receipt.unchanged += 1
                    continue
                }
                changes.append("\(number)/\(code) \(MarkRules.format(before))→\(MarkRules.format(mark.mark))")
            } else if criterion.type == .judgement, byJudge.count >= MarkRules.judgesPerJudgement {
                throw RuleRefusal(rule: RuleRefusal.threeJudges,
                                  reason: Messages.CompetitionRefusals.judgedAlready(number, code, by: byJudge.keys.sorted().joined(separator: ", ")))
            }
            byJudge[slot] = mark.mark
            existing[entryID, default: EntryMarks(entryID: entryID)].scores[code] = byJudge
            scores.append(MarkRepository.Score(entryID: entryID, criterion: code, judge: slot, mark: mark.mark, markedBy: judge))
            if criterion.type == .judgement { touched.insert(number + "\u{0}" + code) }
            receipt.recorded += 1
        }
        try await marks.write(scores, in: tx)
        for key in touched {
            let parts = key.split(separator: "\u{0}").map(String.init)
            let values = Array((existing[ids[parts[0]]!]?.scores[parts[1]] ?? [:]).values)
            if MarkRules.isFlagged(values, criterion: criteria[parts[1]]!, spreadBound: event.spreadBound) { receipt.flagged += 1 }
        }
        let changed = changes.isEmpty ? "" : "; changed " + changes.joined(separator: ", ")
        try await tx.audit(entity: "marks", id: "\(sheet.competitionCode)/\(event.code)",
                           detail: "judge \(judge): \(receipt.recorded) recorded, \(receipt.unchanged) unchanged, \(receipt.flagged) flagged\(changed)")
        return receipt
    }
}
