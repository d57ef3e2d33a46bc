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
        @Option(name: [.customLong("id-number"), .customLong("id")], help: ArgumentHelp("The person's 18-character ID number.", valueName: "id"))
        var idNumber: String?
        @Option(name: .long, help: ArgumentHelp("The person's card number, instead of --id-number.", valueName: "card"))
        var card: String?

        func validate() throws {
            guard (idNumber == nil) != (card == nil) else { throw ValidationError(Messages.Registry.giveIDNumberOrCard.text()) }
        }

        var lookup: PersonLookup { PersonLookup(idNumber: idNumber ?? "", cardNumber: card ?? "") }
    }

    struct Register: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Register one person (建档立卡) and print the card number.",
            discussion: """
                The flags are the columns of persons.csv (`jcskills registry import`), with the same \
                vocabularies: slug, Chinese name or number. The registry checks the rest (ID number, \
                age 16–60 on the registration date, gender against the ID number, county, phone); \
                every refusal is one line naming the field, exit 1. A county office registers only \
                in its own county (PERMISSION_DENIED otherwise). A second registration of the ID \
                number is ALREADY_EXISTS with the existing card; the same command with the same \
                --idempotency-key answers as the first time and registers nobody twice.
                Examples:
                  jcskills registry register --id-number 140524199001011239 --name 王晓明 \\
                      --residence-county 140524 --category rural --key-groups rural_migrant_workers \\
                      --education senior_secondary --employment employed --occupation 6-30-05-01 \\
                      --training-wish 6-18-02-04 --phone 13812345678
                  jcskills --as county-140524 registry register --idempotency-key reg-0001 --json …
                """)
        @OptionGroup var target: Target
        @OptionGroup var idempotency: IdempotencyOptions
        @Flag(name: .long, help: "Print JSON (field names as in the protocol) instead of one line.") var json = false
        @Option(name: .customLong("id-number"), help: ArgumentHelp("18-character ID number.", valueName: "id")) var idNumber: String
        @Option(name: .long, help: "Name.") var name: String
        @Option(name: .long, help: "male or female (optional; must agree with the ID number).") var gender: String?
        @Option(name: .customLong("residence-county"), help: ArgumentHelp("Six-digit county code, e.g. 140524.", valueName: "code")) var residenceCounty: String
        @Option(name: .long, help: "poor, university_graduate, rural or urban.") var category: String
        @Option(name: .customLong("key-groups"), help: ArgumentHelp("Key groups separated by ';', e.g. poor_labour;disabled.", valueName: "groups")) var keyGroups: String?
        @Option(name: .long, help: "primary … postgraduate.") var education: String?
        @Option(name: .long, help: "employed, unemployed, seeking or self_employed.") var employment: String?
        @Option(name: .long, help: ArgumentHelp("Occupation code of current work, e.g. 6-30-05-01.", valueName: "code")) var occupation: String?
        @Option(name: .customLong("training-wish"), help: ArgumentHelp("Occupation code to be trained for.", valueName: "code")) var trainingWish: String?
        @Option(name: .customLong("training-mode"), help: "new_apprenticeship, in_place_of_work, project_based, work_study or internet_plus.") var trainingMode: String?
        @Option(name: .long, help: "11-digit mobile number.") var phone: String?
        @Option(name: .long, help: "Rollout stage: 1 pilot, 2 key groups, 3 general.") var stage: String?
        @Option(name: .customLong("registered-on"), help: ArgumentHelp("Registration date; default today.", valueName: "yyyy-mm-dd")) var registeredOn: String?

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
            abstract: "Change fields of one person's record; every change is kept in the history.",
            discussion: """
                Only the flags given change; values as in persons.csv. --key-groups replaces the \
                list ('' clears it). Name, ID number and gender do not change; the county changes \
                by `registry move`. A county office updates only its own county's persons \
                (PERMISSION_DENIED otherwise); each refusal is one line naming the field, exit 1. \
                With the same --idempotency-key the command answers as the first time and adds \
                nothing to the history.
                Examples:
                  jcskills registry update --id-number 140524199001011239 --employment unemployed --reason "laid off"
                  jcskills registry update --card JC14052400000001 --key-groups "poor_labour;disabled" --json
                """)
        @OptionGroup var target: Target
        @OptionGroup var person: PersonSelector
        @OptionGroup var idempotency: IdempotencyOptions
        @Flag(name: .long, help: "Print JSON (field names as in the protocol) instead of one line.") var json = false
        @Option(name: .long, help: "11-digit mobile number.") var phone: String?
        @Option(name: .long, help: "poor, university_graduate, rural or urban.") var category: String?
        @Option(name: .long, help: "primary … postgraduate.") var education: String?
        @Option(name: .long, help: ArgumentHelp("Occupation code of current work.", valueName: "code")) var occupation: String?
        @Option(name: .long, help: "employed, unemployed, seeking or self_employed.") var employment: String?
        @Option(name: .customLong("training-wish"), help: ArgumentHelp("Occupation code to be trained for.", valueName: "code")) var trainingWish: String?
        @Option(name: .customLong("training-mode"), help: "new_apprenticeship, in_place_of_work, project_based, work_study or internet_plus.") var trainingMode: String?
        @Option(name: .long, help: "Rollout stage: 1, 2 or 3.") var stage: String?
        @Option(name: .customLong("key-groups"), help: ArgumentHelp("Replaces the key groups: ';'-separated, '' for none.", valueName: "groups")) var keyGroups: String?
        @Option(name: .long, help: "Why, kept in the history.") var reason: String = ""

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
            let view = try await target.call(attempts: IdempotencyOptions.attempts) { client in
                try await client.unary(RegistryService.updatePerson, request, options: idempotency.callOptions())
            }
            print(json ? TrainingJSON.render(RegistryPersonJSON.person(view)) : Messages.Registry.didUpdate.text() + " " + RegistryPersonJSON.line(view))
        }
    }

    struct Move: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record that a person moved to another county of Jincheng.",
            discussion: """
                ChangeStatus to active with the new residence county: the card stays, the move is \
                in the history, and a person who had moved away or left is active again. A county \
                office moves only persons of its own county (to any county). Each refusal is one \
                line naming the field, exit 1; the same --idempotency-key writes once.
                Examples:
                  jcskills registry move --id-number 140524199001011239 --new-county 140525 --reason "moved to Zezhou"
                  jcskills --as county-140524 registry move --card JC14052400000001 --new-county 140502 --json
                """)
        @OptionGroup var target: Target
        @OptionGroup var person: PersonSelector
        @OptionGroup var idempotency: IdempotencyOptions
        @Flag(name: .long, help: "Print JSON (field names as in the protocol) instead of one line.") var json = false
        @Option(name: [.customLong("new-county"), .customLong("to")], help: ArgumentHelp("The county moved to (six-digit code).", valueName: "code"))
        var newCounty: String
        @Option(name: .long, help: "Why, kept in the history.") var reason: String = ""

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
            let view = try await target.call(attempts: IdempotencyOptions.attempts) { client in
                try await client.unary(RegistryService.changeStatus, change, options: idempotency.callOptions())
            }
            print(json ? TrainingJSON.render(RegistryPersonJSON.person(view)) : Messages.Registry.didMove.text() + " " + RegistryPersonJSON.line(view))
        }
    }

    struct Leave: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record that a person left the labour force (age, death, emigration) or moved out of Jincheng.",
            discussion: """
                A state change, never a deletion: the card and its history stay, and the person no \
                longer counts. --leaving-reason age|death|emigration records leaving the labour \
                force; --moved-away records a move out of the city (`registry move` brings a person \
                back). A county office changes only its own county's persons. Each refusal is one \
                line naming the field, exit 1; the same --idempotency-key writes once.
                Examples:
                  jcskills registry leave --id-number 140524199001011239 --leaving-reason age
                  jcskills registry leave --card JC14052400000001 --moved-away --reason "moved to Taiyuan"
                """)
        @OptionGroup var target: Target
        @OptionGroup var person: PersonSelector
        @OptionGroup var idempotency: IdempotencyOptions
        @Flag(name: .long, help: "Print JSON (field names as in the protocol) instead of one line.") var json = false
        @Option(name: .customLong("leaving-reason"), help: "age, death or emigration.") var leavingReason: String?
        @Flag(name: .customLong("moved-away"), help: "Moved out of Jincheng (instead of --leaving-reason).") var movedAway = false
        @Option(name: .long, help: "Why, in words, kept in the history.") var reason: String = ""

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
            let view = try await target.call(attempts: IdempotencyOptions.attempts) { client in
                try await client.unary(RegistryService.changeStatus, change, options: idempotency.callOptions())
            }
            print(json ? TrainingJSON.render(RegistryPersonJSON.person(view)) : Messages.Registry.didChange.text() + " " + RegistryPersonJSON.line(view))
        }
    }

    struct History: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A person's changes: when, who, field, old → new, why.",
            discussion: """
                Registry office, county offices and auditors (personal data never shown: phones \
                are masked in the history itself).
                Examples:
                  jcskills registry history --id-number 140524199001011239
                  jcskills registry history --card JC14052400000001 --json
                """)
        @OptionGroup var target: Target
        @OptionGroup var person: PersonSelector
        @Flag(name: .long, help: "Print JSON (field names as in the protocol) instead of a table.") var json = false

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
