import JCSkillsMessages
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
        guard !competition.isEmpty else { throw RuleViolation(field: "competition_code", reason: Messages.Refusals.isEmpty) }
        guard !event.isEmpty else { throw RuleViolation(field: "event_code", reason: Messages.Refusals.isEmpty) }
        let idNumber: String
        do throws(IDNumberError) {
            idNumber = try ResidentIDNumber.parse(request.idNumber).value
        } catch {
            throw RuleViolation(field: "id_number", reason: error.message)
        }
        let name = request.name.trimmingWhitespace
        guard !name.isEmpty else { throw RuleViolation(field: "name", reason: Messages.Refusals.isEmpty) }
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
                throw RuleRefusal(rule: RuleRefusal.registeredWorker, reason: Messages.CompetitionRefusals.workerNotRegistered)
            }
            guard person.status == .active else {
                throw RuleRefusal(rule: RuleRefusal.registeredWorker, reason: Messages.Refusals.registryCardInactive(person.cardNumber))
            }
            return person.residenceCounty
        default:
            guard !entry.school.isEmpty else { throw RuleViolation(field: "school", reason: Messages.CompetitionRefusals.studentNamesSchool) }
            guard entry.county != 0 else { throw RuleViolation(field: "county", reason: Messages.CompetitionRefusals.studentNamesCounty) }
            return entry.county
        }
    }
}
