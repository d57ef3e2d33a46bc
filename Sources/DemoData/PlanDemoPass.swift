import JCSkillsProtocol

/// ``PlanDemoData``'s one pass over the persons: each person's registry row, certificates,
/// enrolments with their results and certificates after training, as they are generated;
/// competitors and studio masters are kept (a few thousand), nothing else.
struct PlanDemoPass {
    let seed: UInt64
    let courses: [Course]
    var personSink: FileCSVSink
    var certificateSink: FileCSVSink
    var enrolmentSink: FileCSVSink
    var resultSink: FileCSVSink
    var afterSink: FileCSVSink
    private var planner: TrainingEnrolmentPlanner
    private let outcomes: TrainingResultGenerator
    var workers: CompetitionDemoEntries.WorkerCollector
    private(set) var masters: [CompetitionDemoStudios.Master] = []

    private(set) var certificates = 0
    private(set) var preSystem = 0
    private(set) var upgrades = 0
    private(set) var newHolders = 0
    private(set) var enrolments = 0
    private(set) var results = 0
    private(set) var afterTraining = 0

    init(seed: UInt64, persons: Int, courses: [Course], providers: TrainingDemoProviders, personSink: FileCSVSink,
         certificateSink: FileCSVSink, enrolmentSink: FileCSVSink, resultSink: FileCSVSink, afterSink: FileCSVSink) {
        self.seed = seed
        self.courses = courses
        self.personSink = personSink
        self.certificateSink = certificateSink
        self.enrolmentSink = enrolmentSink
        self.resultSink = resultSink
        self.afterSink = afterSink
        planner = TrainingEnrolmentPlanner(courses: courses, seed: seed, participation: PlanDemoData.trainingParticipation)
        outcomes = TrainingResultGenerator(seed: seed, providers: providers)
        workers = CompetitionDemoEntries.WorkerCollector(persons: persons, seed: seed)
    }

    mutating func writeHeaders() throws {
        try personSink.writeRecord(RegistryCSVFormat.personHeader)
        try certificateSink.writeRecord(EvaluationCSVFormat.certificateHeader)
        try enrolmentSink.writeRecord(TrainingCSVFormat.enrolmentHeader)
        try resultSink.writeRecord(TrainingCSVFormat.resultHeader)
        try afterSink.writeRecord(TrainingCSVFormat.certificateAfterHeader)
    }

    mutating func close() throws {
        for sink in [personSink, certificateSink, enrolmentSink, resultSink, afterSink] { try sink.close() }
    }

    /// The day a trainee enrolled: up to three weeks before the course starts, so that the
    /// training of 2020 and 2021 counts on those years' dates.
    static func enrolmentDay(_ course: Course, sequence: Int, seed: UInt64) -> CalendarDate {
        var random = SplitMix64(seed: seed, stream: 74, index: UInt64(sequence))
        return CalendarDate(yyyymmdd: course.startsOn)!.adding(days: -random.below(21))!
    }

    mutating func add(_ person: DemoPerson) throws {
        try personSink.writeRecord(person.csvFields)
        guard person.defect == nil else { return }
        let drawn = PlanCertificates.draw(for: person, seed: seed)
        for certificate in drawn {
            certificates += 1
            try writeCertificate(number: "JCP\(certificate.issuedOn.year)" + TrainingCourseGenerator.padded(certificates, 8),
                                 kind: certificate.kind, occupation: certificate.occupation, level: certificate.level,
                                 holder: person, issuedOn: certificate.issuedOn, preSystem: certificate.preSystem)
            if certificate.preSystem { preSystem += 1 } else if drawn.count > 1 { upgrades += 1 } else { newHolders += 1 }
        }
        for index in planner.courses(for: person) {
            enrolments += 1
            let course = courses[index]
            try enrolmentSink.writeRecord([course.code, person.idNumber, Self.enrolmentDay(course, sequence: enrolments, seed: seed).description])
            guard let result = outcomes.result(sequence: enrolments, course: course) else { continue }
            try resultSink.writeRecord(TrainingResultGenerator.fields(result))
            results += 1
            if result.passed { try certifyAfterTraining(person, course: course, result: result) }
        }
        workers.consider(person)
    }

    /// The certificate the course prepared for, 10–59 days after it ended, for some who passed
    /// (``PlanDemoData/afterTrainingChance(_:)``) and by the end of 2021; no one under 18, no
    /// level beyond the holder's years of work.
    private mutating func certifyAfterTraining(_ person: DemoPerson, course: Course, result: TrainingResult) throws {
        var random = SplitMix64(seed: seed, stream: 72, index: UInt64(enrolments))
        guard random.chance(PlanDemoData.afterTrainingChance(course)),
              let occupation = OccupationCatalogue.default.occupation(code: course.occupation) else { return }
        let issued = CalendarDate(yyyymmdd: max(course.endsOn, result.completedOn))!.adding(days: 10 + random.below(50))!
        let yearsWorked = person.birthDate.years(until: issued) - 18
        // The plan's two years: a certificate of 2022 is another story.
        guard yearsWorked >= 0, issued.year <= 2021 else { return }
        var level = course.level
        if course.certificateKind.hasLevels {
            level = min(level, EvaluationDemoData.highestLevel(yearsWorked: yearsWorked))
            if !occupation.offers(level) { level = occupation.levels.filter { $0 <= level }.max() ?? occupation.levels.min() ?? level }
        }
        afterTraining += 1
        certificates += 1
        let number = "JCT\(issued.year)" + TrainingCourseGenerator.padded(enrolments, 8)
        try writeCertificate(number: number, kind: course.certificateKind, occupation: occupation, level: level,
                             holder: person, issuedOn: issued, preSystem: false, institution: "JC-SO-\(person.residenceCounty)-1")
        try afterSink.writeRecord([result.enrolmentNumber, number])
    }

    private mutating func writeCertificate(number: String, kind: CertificateKind, occupation: Occupation, level: SkillLevel,
                                           holder: DemoPerson, issuedOn: CalendarDate, preSystem: Bool, institution: String? = nil) throws {
        var random = SplitMix64(seed: seed, stream: 73, index: UInt64(certificates))
        let issuer = institution ?? (random.chance(0.2) ? EvaluationDemoData.centre
            : random.chance(0.4) ? "JC-VC-\(holder.residenceCounty)" : "JC-SO-\(holder.residenceCounty)-1")
        let operation = kind == .specialOperations ? EvaluationDemoData.operations.draw(&random)
            : kind == .specialEquipmentOperator ? EvaluationDemoData.equipment.draw(&random) : ""
        try certificateSink.writeRecord([
            number, issuer, EvaluationCSVFormat.certificateKind.text(for: kind), occupation.code, occupation.chineseName,
            level == .unspecified ? "" : String(level.rawValue), operation, holder.idNumber, holder.name, "",
            String(holder.residenceCounty), issuedOn.isoString, preSystem ? RegistryCSVFormat.trueText : RegistryCSVFormat.falseText,
        ])
        // Studio masters: holders of 技师 or 高级技师 that never expires, once each.
        if level == .level2 || level == .level1, kind == .skillLevel || kind == .vocationalQualification,
           masters.last?.idNumber != holder.idNumber {
            masters.append(CompetitionDemoStudios.Master(idNumber: holder.idNumber, name: holder.name, county: holder.residenceCounty,
                                                         occupation: occupation.code, level: level, issuedOn: issuedOn))
        }
    }
}
