import JCSkillsProtocol

/// One generated person: the typed values, and the same as a persons.csv record.
public struct DemoPerson: Hashable, Sendable {
    /// 1-based data row (file line = row + 1).
    public var row: Int
    /// As written to the file: valid unless ``defect`` concerns the ID number.
    public var idNumber: String
    public var name: String
    public var gender: Gender
    /// The birth date the person was generated with (for an ``PersonRowDefect/impossibleBirthDate``
    /// row, the real date the broken one replaced).
    public var birthDate: CalendarDate
    public var residenceCounty: Int32
    public var category: LabourCategory
    public var keyGroups: [KeyEmploymentGroup]
    public var education: EducationLevel
    public var employment: EmploymentStatus
    public var occupation: Occupation?
    public var trainingWish: Occupation?
    public var trainingMode: TrainingMode
    public var phone: String
    /// ``RegistryCSVFormat/Stage``.
    public var stage: Int32
    public var registeredOn: CalendarDate
    /// Nil for a valid row.
    public var defect: PersonRowDefect?

    /// Completed years on the registration date.
    public var age: Int { birthDate.years(until: registeredOn) }

    /// The record in ``RegistryCSVFormat/PersonColumn`` order.
    public var csvFields: [String] {
        [
            idNumber, name, RegistryCSVFormat.gender.text(for: gender), String(residenceCounty),
            RegistryCSVFormat.category.text(for: category), RegistryCSVFormat.formatKeyGroups(keyGroups),
            RegistryCSVFormat.education.text(for: education), RegistryCSVFormat.employment.text(for: employment),
            occupation?.code ?? "", occupation?.chineseName ?? "", trainingWish?.code ?? "", trainingWish?.chineseName ?? "",
            RegistryCSVFormat.trainingMode.text(for: trainingMode), phone, String(stage), registeredOn.isoString,
        ]
    }

    /// The person as a registration message, for feeding a service without a file.
    public var registration: PersonRegistration {
        var message = PersonRegistration()
        message.idNumber = idNumber
        message.name = name
        message.gender = gender
        message.residenceCounty = residenceCounty
        message.category = category
        message.keyGroups = keyGroups
        message.education = education
        message.occupation = occupation?.code ?? ""
        message.employment = employment
        message.trainingWish = trainingWish?.code ?? ""
        message.trainingMode = trainingMode
        message.phone = phone
        message.stage = stage
        message.registeredOn = registeredOn.yyyymmdd
        return message
    }
}
