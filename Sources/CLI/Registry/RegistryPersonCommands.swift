import ArgumentParser
import Foundation
import JCSkillsDemoData
import JCSkillsMessages
import JCSkillsProtocol
import JCSkillsRPC

// One person at a time, for a county clerk: register, update, move, leave, history. The
// registry's rules, county scope and audit apply as to any call (Services/Registry/Service/RPC);
// each write carries an idempotency key, so its client retries a lost answer safely.

extension RegistryCommand {
    /// The person a command is about: by ID number or by card number.
    struct PersonSelector: ParsableArguments {
        @Option(name: [.customLong("id-number"), .customLong("id")], help: ArgumentHelp(Messages.Registry.Help.personSCharacterIdHelp.text(), valueName: "id"))
        var idNumber: String?
        @Option(name: .long, help: ArgumentHelp(Messages.Registry.Help.personSCardNumberHelp.text(), valueName: "card"))
        var card: String?

        func validate() throws {
            guard (idNumber == nil) != (card == nil) else { throw ValidationError(Messages.Registry.giveIDNumberOrCard.text()) }
        }

        var lookup: PersonLookup { PersonLookup(idNumber: idNumber ?? "", cardNumber: card ?? "") }
    }

    struct Register: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Messages.Registry.Help.registerOnePersonPrintAbstract.text(),
            discussion: Messages.Registry.Help.flagsAreColumnsPersonsDiscussion.text())
        @OptionGroup var target: Target
        @OptionGroup var idempotency: IdempotencyOptions
        @Flag(name: .long, help: ArgumentHelp(Messages.Registry.Help.printJsonFieldNamesHelp.text())) var json = false
        @Option(name: .customLong("id-number"), help: ArgumentHelp(Messages.Registry.Help.characterIdNumberHelp.text(), valueName: "id")) var idNumber: String
        @Option(name: .long, help: ArgumentHelp(Messages.Registry.Help.nameHelp.text())) var name: String
        @Option(name: .long, help: ArgumentHelp(Messages.Registry.Help.maleFemaleOptionalMustHelp.text())) var gender: String?
        @Option(name: .customLong("residence-county"), help: ArgumentHelp(Messages.Registry.Help.sixDigitCountyCodeHelp.text(), valueName: "code")) var residenceCounty: String
        @Option(name: .long, help: ArgumentHelp(Messages.Registry.Help.poorUniversityGraduateRuralHelp.text())) var category: String
        @Option(name: .customLong("key-groups"), help: ArgumentHelp(Messages.Registry.Help.keyGroupsSeparatedPoorHelp.text(), valueName: "groups")) var keyGroups: String?
        @Option(name: .long, help: ArgumentHelp(Messages.Registry.Help.primaryPostgraduateHelp.text())) var education: String?
        @Option(name: .long, help: ArgumentHelp(Messages.Registry.Help.employedUnemployedSeekingSelfHelp.text())) var employment: String?
        @Option(name: .long, help: ArgumentHelp(Messages.Registry.Help.occupationCodeCurrentWorkHelp.text(), valueName: "code")) var occupation: String?
        @Option(name: .customLong("training-wish"), help: ArgumentHelp(Messages.Registry.Help.occupationCodeTrainedHelp.text(), valueName: "code")) var trainingWish: String?
        @Option(name: .customLong("training-mode"), help: ArgumentHelp(Messages.Registry.Help.newApprenticeshipPlaceWorkHelp.text())) var trainingMode: String?
        @Option(name: .long, help: ArgumentHelp(Messages.Registry.Help.digitMobileNumberHelp.text())) var phone: String?
        @Option(name: .long, help: ArgumentHelp(Messages.Registry.Help.rolloutStagePilotKeyHelp.text())) var stage: String?
        @Option(name: .customLong("registered-on"), help: ArgumentHelp(Messages.Registry.Help.registrationDateDefaultTodayHelp.text(), valueName: "yyyy-mm-dd")) var registeredOn: String?

        /// The flags as a persons.csv record, read by the importer's own mapping.
        func registration() throws -> PersonRegistration {
            typealias Column = RegistryCSVFormat.PersonColumn
            var fields = Array(repeating: "", count: RegistryCSVFormat.personHeader.count)
            let given: [(Column, String?)] = [
                (.idNumber, idNumber), (.name, name), (.gender, gender), (.residenceCounty, residenceCounty),
                (.category, category), (.keyGroups, keyGroups), (.education, education), (.employment, employment),
                (.occupation, occupation), (.trainingWish, trainingWish), (.trainingMode, trainingMode),
                (.phone, phone), (.stage, stage), (.registeredOn, registeredOn),
            ]
            for (column, value) in given { fields[column.index] = value ?? "" }
            do throws(RowFailure) {
                return try RegistryCSVMapping.person(fields, line: 0).person
            } catch {
                throw error.refusal
            }
        }

        func run() async throws {
            let request = try registration()
            let response = try await target.call(attempts: IdempotencyOptions.attempts) { client in
                try await client.unary(RegistryService.registerPerson, request, options: idempotency.callOptions())
            }
            print(json ? TrainingJSON.render(RegistryPersonJSON.person(response.person)) : Messages.Registry.didRegister.text() + " " + RegistryPersonJSON.line(response.person))
        }
    }

    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Messages.Registry.Help.changeFieldsOnePersonAbstract.text(),
            discussion: Messages.Registry.Help.onlyFlagsGivenChangeDiscussion.text())
        @OptionGroup var target: Target
        @OptionGroup var person: PersonSelector
        @OptionGroup var idempotency: IdempotencyOptions
        @Flag(name: .long, help: ArgumentHelp(Messages.Registry.Help.printJsonFieldNamesHelp.text())) var json = false
        @Option(name: .long, help: ArgumentHelp(Messages.Registry.Help.digitMobileNumberHelp.text())) var phone: String?
        @Option(name: .long, help: ArgumentHelp(Messages.Registry.Help.poorUniversityGraduateRuralHelp.text())) var category: String?
        @Option(name: .long, help: ArgumentHelp(Messages.Registry.Help.primaryPostgraduateHelp.text())) var education: String?
        @Option(name: .long, help: ArgumentHelp(Messages.Registry.Help.occupationCodeCurrentWorkHelp2.text(), valueName: "code")) var occupation: String?
        @Option(name: .long, help: ArgumentHelp(Messages.Registry.Help.employedUnemployedSeekingSelfHelp.text())) var employment: String?
        @Option(name: .customLong("training-wish"), help: ArgumentHelp(Messages.Registry.Help.occupationCodeTrainedHelp.text(), valueName: "code")) var trainingWish: String?
        @Option(name: .customLong("training-mode"), help: ArgumentHelp(Messages.Registry.Help.newApprenticeshipPlaceWorkHelp.text())) var trainingMode: String?
        @Option(name: .long, help: ArgumentHelp(Messages.Registry.Help.rolloutStageHelp.text())) var stage: String?
        @Option(name: .customLong("key-groups"), help: ArgumentHelp(Messages.Registry.Help.replacesKeyGroupsSeparatedHelp.text(), valueName: "groups")) var keyGroups: String?
        @Option(name: .long, help: ArgumentHelp(Messages.Registry.Help.whyKeptHistoryHelp.text())) var reason: String = ""

        /// The changes, each value read as the importer reads its column (Sources/CLI/Support/CSVField.swift).
        func update() throws -> PersonUpdate {
            var update = PersonUpdate()
            update.person = person.lookup
            update.reason = reason
            typealias Column = RegistryCSVFormat.PersonColumn
            do throws(RowFailure) {
                if let phone { update.phone = phone.trimmingWhitespace }
                if let category { update.category = try CSVField.term(RegistryCSVFormat.category, category.trimmingWhitespace, Column.category.rawValue, 0) }
                if let education { update.education = try CSVField.term(RegistryCSVFormat.education, education.trimmingWhitespace, Column.education.rawValue, 0) }
                if let occupation { update.occupation = occupation.trimmingWhitespace }
                if let employment { update.employment = try CSVField.term(RegistryCSVFormat.employment, employment.trimmingWhitespace, Column.employment.rawValue, 0) }
                if let trainingWish { update.trainingWish = trainingWish.trimmingWhitespace }
                if let trainingMode { update.trainingMode = try CSVField.term(RegistryCSVFormat.trainingMode, trainingMode.trimmingWhitespace, Column.trainingMode.rawValue, 0) }
                if let stage { update.stage = try CSVField.number(stage.trimmingWhitespace, Column.stage.rawValue, 0) }
            } catch {
                throw error.refusal
            }
            if let keyGroups {
                guard let groups = RegistryCSVFormat.parseKeyGroups(keyGroups.trimmingWhitespace) else {
                    throw CLIError("\(Column.keyGroups.rawValue): " + Messages.Import.unknownKeyGroup(keyGroups).text())
                }
                update.keyGroups = groups
                update.replaceKeyGroups = true
            }
            return update
        }

        func validate() throws {
            guard [phone, category, education, occupation, employment, trainingWish, trainingMode, stage, keyGroups].contains(where: { $0 != nil }) else {
                throw ValidationError(Messages.Registry.nothingToChange.text())
            }
        }

        func run() async throws {
            let request = try update()
            try await target.changePerson(RegistryService.updatePerson, request, idempotency: idempotency, json: json, done: Messages.Registry.didUpdate)
        }
    }

    struct Move: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Messages.Registry.Help.recordPersonMovedAnotherAbstract.text(),
            discussion: Messages.Registry.Help.changestatusActiveNewResidenceDiscussion.text())
        @OptionGroup var target: Target
        @OptionGroup var person: PersonSelector
        @OptionGroup var idempotency: IdempotencyOptions
        @Flag(name: .long, help: ArgumentHelp(Messages.Registry.Help.printJsonFieldNamesHelp.text())) var json = false
        @Option(name: [.customLong("new-county"), .customLong("to")], help: ArgumentHelp(Messages.Registry.Help.countyMovedSixDigitHelp.text(), valueName: "code"))
        var newCounty: String
        @Option(name: .long, help: ArgumentHelp(Messages.Registry.Help.whyKeptHistoryHelp.text())) var reason: String = ""

        func run() async throws {
            var change = StatusChange()
            change.person = person.lookup
            change.status = .active
            do throws(RowFailure) {
                change.newCounty = try CSVField.number(newCounty.trimmingWhitespace, "new_county", 0)
            } catch {
                throw error.refusal
            }
            change.reason = reason
            try await target.changePerson(RegistryService.changeStatus, change, idempotency: idempotency, json: json, done: Messages.Registry.didMove)
        }
    }

    struct Leave: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Messages.Registry.Help.recordPersonLeftLabourAbstract.text(),
            discussion: Messages.Registry.Help.stateChangeNeverDeletionDiscussion.text())
        @OptionGroup var target: Target
        @OptionGroup var person: PersonSelector
        @OptionGroup var idempotency: IdempotencyOptions
        @Flag(name: .long, help: ArgumentHelp(Messages.Registry.Help.printJsonFieldNamesHelp.text())) var json = false
        @Option(name: .customLong("leaving-reason"), help: ArgumentHelp(Messages.Registry.Help.ageDeathEmigrationHelp.text())) var leavingReason: String?
        @Flag(name: .customLong("moved-away"), help: ArgumentHelp(Messages.Registry.Help.movedOutJinchengInsteadHelp.text())) var movedAway = false
        @Option(name: .long, help: ArgumentHelp(Messages.Registry.Help.whyWordsKeptHistoryHelp.text())) var reason: String = ""

        func validate() throws {
            guard (leavingReason == nil) != !movedAway else { throw ValidationError(Messages.Registry.giveLeavingReasonOrMovedAway.text()) }
        }

        func run() async throws {
            var change = StatusChange()
            change.person = person.lookup
            change.reason = reason
            if movedAway {
                change.status = .movedAway
            } else {
                change.status = .leftLabourForce
                do throws(RowFailure) {
                    change.leavingReason = try CSVField.term(RegistryPersonJSON.leavingReason, leavingReason!.trimmingWhitespace, "leaving_reason", 0,
                                                             allowUnspecified: false)
                } catch {
                    throw error.refusal
                }
            }
            try await target.changePerson(RegistryService.changeStatus, change, idempotency: idempotency, json: json, done: Messages.Registry.didChange)
        }
    }

    struct History: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Messages.Registry.Help.personSChangesWhenAbstract.text(),
            discussion: Messages.Registry.Help.registryOfficeCountyOfficesDiscussion.text())
        @OptionGroup var target: Target
        @OptionGroup var person: PersonSelector
        @Flag(name: .long, help: ArgumentHelp(Messages.Registry.Help.printJsonFieldNamesHelp2.text())) var json = false

        func run() async throws {
            let lookup = person.lookup
            // A read: safe to repeat without a key.
            let history = try await target.call(attempts: IdempotencyOptions.attempts) { client in
                try await client.unary(RegistryService.personHistory, lookup)
            }
            print(json ? TrainingJSON.render(RegistryPersonJSON.history(history)) : RegistryPersonJSON.table(history))
        }
    }
}

/// How the person commands print what the registry answers: JSON with the protocol's field
/// names and persons.csv's vocabularies (as Sources/CLI/Training/TrainingJSON.swift does for
/// training), or one line / a table.
enum RegistryPersonJSON {
    static let leavingReason = CSVVocabulary<LeavingReason>([
        .init(.age, "age", "达到年龄"),
        .init(.death, "death", "死亡"),
        .init(.emigration, "emigration", "出境定居"),
    ])

    static func status(_ status: RegistrationStatus) -> String {
        switch status {
        case .active: "active"
        case .movedAway: "moved_away"
        case .leftLabourForce: "left_labour_force"
        default: "unspecified"
        }
    }

    /// The status as a reader reads it (the JSON keeps ``status(_:)``'s slug).
    static func statusWord(_ status: RegistrationStatus) -> String {
        switch status {
        case .active: Messages.Registry.active.text()
        case .movedAway: Messages.Registry.movedAway.text()
        case .leftLabourForce: Messages.Registry.leftLabourForce.text()
        default: Messages.Registry.unspecified.text()
        }
    }

    static func person(_ person: PersonView) -> [String: Any] {
        [
            "card_number": person.cardNumber, "id_number": person.idNumber, "name": person.name,
            "gender": RegistryCSVFormat.gender.text(for: person.gender), "birth_date": TrainingJSON.date(person.birthDate),
            "age": person.age, "residence_county": person.residenceCounty,
            "category": RegistryCSVFormat.category.text(for: person.category),
            "key_groups": person.keyGroups.map(\.slug), "education": RegistryCSVFormat.education.text(for: person.education),
            "occupation": person.occupation, "employment": RegistryCSVFormat.employment.text(for: person.employment),
            "training_wish": person.trainingWish, "training_mode": RegistryCSVFormat.trainingMode.text(for: person.trainingMode),
            "phone": person.phone, "stage": person.stage, "status": status(person.status),
            "registered_on": TrainingJSON.date(person.registeredOn), "masked": person.masked, "version": person.version,
            "leaving_reason": person.leavingReason == .unspecified ? NSNull() as Any : leavingReason.text(for: person.leavingReason) as Any,
        ]
    }

    /// `card … id … name, county …, status …, version …` on one line.
    static func line(_ person: PersonView) -> String {
        var line = "\(person.cardNumber)  \(person.idNumber)  \(person.name)  "
            + Messages.Registry.countyWord(CountyName.of(person.residenceCounty)).text() + "  \(statusWord(person.status))"
        if person.leavingReason != .unspecified { line += " (\(Vocabulary.text(leavingReason, person.leavingReason)))" }
        return line + "  " + Messages.Registry.version(person.version).text()
    }

    /// A history entry's value as a reader wants it: statuses by name, the rest as stored.
    static func value(_ field: String, _ text: String, words: Bool = false) -> String {
        if field == "status", let raw = Int32(text) { return words ? statusWord(RegistrationStatus(rawValue: raw)) : status(RegistrationStatus(rawValue: raw)) }
        return text.isEmpty ? "-" : text
    }

    static func time(_ milliseconds: Int64) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        // The registry's days are Beijing days (Sources/ServiceKit/ServiceClock.swift).
        formatter.timeZone = TimeZone(secondsFromGMT: 8 * 3600)
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return formatter.string(from: Date(timeIntervalSince1970: Double(milliseconds) / 1000))
    }

    static func history(_ history: PersonHistory) -> [String: Any] {
        [
            "card_number": history.cardNumber,
            "entries": history.entries.map { entry -> [String: Any] in
                [
                    "at": time(entry.at), "principal": entry.principal, "request_id": entry.requestID, "field": entry.field,
                    "old_value": value(entry.field, entry.oldValue), "new_value": value(entry.field, entry.newValue), "reason": entry.reason,
                ]
            },
        ]
    }

    static func table(_ history: PersonHistory) -> String {
        typealias Words = Messages.Registry
        var lines = [Words.historyTitle(card: history.cardNumber, changes: history.entries.count).text()]
        if !history.entries.isEmpty {
            lines.append("  " + TextWidth.padded(Words.historyAt.text(), to: 22) + TextWidth.padded(Words.historyBy.text(), to: 29)
                         + TextWidth.padded(Words.historyField.text(), to: 18) + Words.historyChange.text())
        }
        for entry in history.entries {
            var line = "  \(time(entry.at))   \(entry.principal.padding(toLength: 28, withPad: " ", startingAt: 0)) "
                + "\(entry.field.padding(toLength: 17, withPad: " ", startingAt: 0)) \(value(entry.field, entry.oldValue, words: true)) → \(value(entry.field, entry.newValue, words: true))"
            if !entry.reason.isEmpty { line += "  (\(entry.reason))" }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }
}

extension RowFailure {
    /// A flag's value the client cannot read, refused in one line naming its field as the
    /// service names it (`category: 'x' is not one of …`), before anything is sent.
    var refusal: CLIError { CLIError("\(column): \(reason)") }
}

extension RegistryCommand.Target {
    /// One write that answers the person as it now stands (update, move, leave): sent under the
    /// invocation's idempotency key with its retries, then printed as JSON or as `done` and one line.
    func changePerson<Request: WireMessage>(_ method: Method<Request, PersonView>, _ request: Request, idempotency: IdempotencyOptions,
                                            json: Bool, done: Message) async throws {
        let view = try await call(attempts: IdempotencyOptions.attempts) { client in
            try await client.unary(method, request, options: idempotency.callOptions())
        }
        print(json ? TrainingJSON.render(RegistryPersonJSON.person(view)) : done.text() + " " + RegistryPersonJSON.line(view))
    }
}
