import JCSkillsProtocol
import JCSkillsServiceKit

/// An entry as validated before anyone is asked: pure, no I/O.
struct ValidatedEntry: Sendable {
    var competitionCode: String
    var eventCode: String
    var idNumber: String
    var name: String
    var school: String
    var county: Int32
    /// yyyymmdd as given (0: today), checked against the competition's year once it is read.
    var enteredOn: Int32
}

enum EntryRules {
    static func validate(_ request: EntryRequest) throws(RuleViolation) -> ValidatedEntry {
        let competition = request.competitionCode.trimmingWhitespace
        let event = request.eventCode.trimmingWhitespace
        guard !competition.isEmpty else { throw RuleViolation(field: "competition_code", reason: "is empty") }
        guard !event.isEmpty else { throw RuleViolation(field: "event_code", reason: "is empty") }
        let idNumber: String
        do {
            idNumber = try ResidentIDNumber.parse(request.idNumber).value
        } catch {
            throw RuleViolation(field: "id_number", reason: "\(error)")
        }
        let name = request.name.trimmingWhitespace
        guard !name.isEmpty else { throw RuleViolation(field: "name", reason: "is empty") }
        if request.county != 0 { try CountyScope.requireRecordCounty(request.county) }
        return ValidatedEntry(competitionCode: competition, eventCode: event, idNumber: idNumber, name: name,
                              school: request.school.trimmingWhitespace, county: request.county, enteredOn: request.enteredOn)
    }

    /// The entry against its event's group and what the registry said of a worker; the county
    /// the entry counts in.
    static func check(_ entry: ValidatedEntry, group: ParticipantGroup, registry person: PersonVerification?) throws -> Int32 {
        switch group {
        case .workers:
            guard let person, person.found else {
                throw RuleRefusal(rule: RuleRefusal.registeredWorker, reason: "the registry has no card for this ID number; workers enter as registered persons")
            }
            guard person.status == .active else {
                throw RuleRefusal(rule: RuleRefusal.registeredWorker, reason: "the registry card \(person.cardNumber) is not active")
            }
            return person.residenceCounty
        default:
            guard !entry.school.isEmpty else { throw RuleViolation(field: "school", reason: "a student's entry names the school") }
            guard entry.county != 0 else { throw RuleViolation(field: "county", reason: "a student's entry names the county") }
            return entry.county
        }
    }
}
