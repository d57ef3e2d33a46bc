import JCSkillsProtocol

/// Generates demo persons in row order. Sequential because ID numbers are allocated
/// (``IDNumberAllocator``); every other draw of row r comes from a generator seeded by
/// (seed, r), so breaking a row changes nothing else in the file.
public struct PersonGenerator: IteratorProtocol, Sequence {
    private let seed: UInt64
    private let count: Int
    private let invalidRowEvery: Int?
    private let profile: PersonProfile
    private var row = 0
    private var allocator = IDNumberAllocator()

    /// Registration dates of each stage (all in 2020, before the 2020-10-31 deadline).
    static let pilotDates = CalendarDate(year: 2020, month: 3, day: 1)!...CalendarDate(year: 2020, month: 4, day: 30)!
    static let keyGroupDates = CalendarDate(year: 2020, month: 5, day: 1)!...CalendarDate(year: 2020, month: 7, day: 31)!
    static let generalDates = CalendarDate(year: 2020, month: 6, day: 1)!...CalendarDate(year: 2020, month: 10, day: 31)!

    /// The late tail of the plan profile's counties that missed the deadline.
    static let lateDates = CalendarDate(year: 2020, month: 11, day: 1)!...CalendarDate(year: 2021, month: 3, day: 31)!

    init(seed: UInt64, count: Int, invalidRowEvery: Int?, profile: PersonProfile = .small) {
        self.seed = seed
        self.profile = profile
        self.count = count
        self.invalidRowEvery = invalidRowEvery
    }

    public mutating func next() -> DemoPerson? {
        guard row < count else { return nil }
        row += 1
        var random = SplitMix64(seed: seed, stream: 1, index: UInt64(row))
        var person = makePerson(row: row, &random)
        if let defect = PersonRowDefect.forRow(row, invalidRowEvery: invalidRowEvery) {
            var defectRandom = SplitMix64(seed: seed, stream: 4, index: UInt64(row))
            apply(defect, to: &person, &defectRandom)
        }
        return person
    }

    private mutating func makePerson(row: Int, _ random: inout SplitMix64) -> DemoPerson {
        let county = profile.county.draw(&random)
        let category = PersonTables.category(county: county).draw(&random)
        let male = random.chance(0.51)
        let age = PersonTables.age(category: category).draw(&random)
        let education = PersonTables.capped(PersonTables.education(category: category).draw(&random), age: age)
        let employment = PersonTables.employment(category: category).draw(&random)
        let keyGroups = KeyGroupAssignment.draw(
            category: category, age: age, male: male, education: education, employment: employment, &random
        )

        let stage: Int32
        if PersonTables.pilotCounties.contains(county) && random.chance(0.3) {
            stage = RegistryCSVFormat.Stage.pilot
        } else if !keyGroups.isEmpty && random.chance(0.7) {
            stage = RegistryCSVFormat.Stage.keyGroups
        } else {
            stage = RegistryCSVFormat.Stage.general
        }
        var registeredOn = Self.registrationDate(stage: stage, &random)
        let late = profile.lateShare(county: county)
        if late > 0, random.chance(late) {
            let span = Self.lateDates.upperBound.dayNumber - Self.lateDates.lowerBound.dayNumber + 1
            registeredOn = Self.lateDates.lowerBound.adding(days: random.below(span))!
        }
        let address = Self.addressCode(residence: county, &random)
        let (idNumber, birthDate) = allocate(address: address, age: age, on: registeredOn, male: male, &random)

        let working = employment == .employed || employment == .selfEmployed
        let occupation = working && random.chance(employment == .employed ? 0.7 : 0.5)
            ? PersonTables.currentOccupation.draw(&random) : nil
        let wantsTraining = random.chance(0.55)
        let wish = wantsTraining ? PersonTables.wishedOccupation.draw(&random) : nil
        let mode: TrainingMode = wantsTraining ? PersonTables.trainingMode.draw(&random) : .unspecified

        return DemoPerson(
            row: row, idNumber: idNumber, name: ChineseNames.draw(male: male, &random),
            gender: male ? .male : .female, birthDate: birthDate, residenceCounty: county, category: category,
            keyGroups: keyGroups, education: education, employment: employment, occupation: occupation,
            trainingWish: wish, trainingMode: mode, phone: Self.phone(&random), stage: stage,
            registeredOn: registeredOn, defect: nil
        )
    }

    /// A unique ID number for someone `age` years old on `date`, and their birth date.
    private mutating func allocate(address: Int32, age: Int, on date: CalendarDate, male: Bool, _ random: inout SplitMix64, reserved: Bool = false) -> (String, CalendarDate) {
        let window = Self.birthDates(age: age, on: date)
        let span = window.upperBound.dayNumber - window.lowerBound.dayNumber + 1
        let first = random.below(span)
        // A full day (400 of one gender, one address, one date) is practically impossible, but
        // moving on within the window keeps the age right if it ever happens.
        for step in 0..<span {
            let birthDate = window.lowerBound.adding(days: (first + step) % span)!
            let number = reserved
                ? allocator.allocateReserved(address: address, birthDate: birthDate, male: male)
                : allocator.allocate(address: address, birthDate: birthDate, male: male)
            if let number { return (number, birthDate) }
        }
        preconditionFailure("no free ID number for age \(age) at \(address)")
    }

    /// The birth dates that make someone exactly `age` on `date`: after `date` − (age + 1)
    /// years, up to `date` − age years.
    static func birthDates(age: Int, on date: CalendarDate) -> ClosedRange<CalendarDate> {
        date.adding(years: -(age + 1))!.adding(days: 1)!...date.adding(years: -age)!
    }

    private static func registrationDate(stage: Int32, _ random: inout SplitMix64) -> CalendarDate {
        let window = stage == RegistryCSVFormat.Stage.pilot ? pilotDates : stage == RegistryCSVFormat.Stage.keyGroups ? keyGroupDates : generalDates
        let span = window.upperBound.dayNumber - window.lowerBound.dayNumber + 1
        // The general rollout speeds up towards the deadline: the later of two draws.
        let offset = stage == RegistryCSVFormat.Stage.general ? Swift.max(random.below(span), random.below(span)) : random.below(span)
        return window.lowerBound.adding(days: offset)!
    }

    /// Mostly the residence county's code; sometimes another Jincheng county (moved since the
    /// card was issued); a few percent from elsewhere in Shanxi.
    private static func addressCode(residence: Int32, _ random: inout SplitMix64) -> Int32 {
        let draw = random.below(100)
        switch draw {
        case ..<80: return residence
        case ..<96: return PersonTables.county.draw(&random)
        default: return random.element(of: PersonTables.outsideAddressCodes)
        }
    }

    private static func phone(_ random: inout SplitMix64) -> String {
        var phone = random.element(of: PersonTables.phonePrefixes)
        let rest = random.below(100_000_000)
        let digits = String(rest)
        phone += String(repeating: "0", count: 8 - digits.count) + digits
        return phone
    }

    private mutating func apply(_ defect: PersonRowDefect, to person: inout DemoPerson, _ random: inout SplitMix64) {
        person.defect = defect
        switch defect {
        case .wrongCheckCharacter:
            let correct = person.idNumber.last!
            let others = ResidentIDNumber.checkCharacters.filter { $0 != correct }
            person.idNumber = String(person.idNumber.dropLast()) + String(random.element(of: others))
        case .impossibleBirthDate:
            let date = person.birthDate
            let badDay = CalendarDate.daysInMonth(date.month, year: date.year) + 1
            let characters = Array(person.idNumber)
            let month = String(IDNumberAllocator.threeDigits(date.month).suffix(2))
            let first17 = String(characters[0..<6]) + String(date.year) + month + String(badDay) + String(characters[14..<17])
            person.idNumber = first17 + String(ResidentIDNumber.checkCharacter(forFirst17: first17)!)
        case .underSixteen:
            let age = random.int(in: 12...15)
            let address = Int32(person.idNumber.prefix(6))!
            let (number, birthDate) = allocate(
                address: address, age: age, on: person.registeredOn, male: person.gender == .male, &random, reserved: true
            )
            person.idNumber = number
            person.birthDate = birthDate
            // A child is no graduate, holds no degree and no job.
            person.category = .rural
            person.education = .juniorSecondary
            person.employment = .seeking
            person.occupation = nil
            person.keyGroups = [.schoolLeavers]
        case .invalidPhone:
            person.phone = String(person.phone.dropLast())
        case .unknownCounty:
            person.residenceCounty = PersonRowDefect.unknownCountyCode
        }
    }
}
