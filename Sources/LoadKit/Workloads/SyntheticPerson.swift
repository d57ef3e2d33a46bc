import Foundation
import JCSkillsProtocol

/// Fresh, valid persons for registration load: a distinct, check-digit-correct Jincheng ID
/// number for every index, aged 18–57 this year, with a plausible name and mobile number.
///
/// Never a person of the demo data: the numbers' sequences (the 3 digits after the birth date)
/// are 800–999, which the demo generator gives only to the under-16s of its broken rows, which
/// the registry refuses (`Sources/DemoData/IDNumberAllocator.swift`: valid persons get 000–799).
/// So a registry loaded with any number of demo persons answers a fresh registration with a new
/// card, never ALREADY_EXISTS. A run starts at a random `salt` in a space of 16,128,000
/// numbers, so repeated runs against the same registry rarely meet a number an earlier run
/// registered (two runs of 100,000 registrations: about 1 %).
public struct SyntheticPerson: Sendable {
    /// The first sequence the demo generator never gives a registered person.
    public static let firstSequence = 800
    /// 6 counties × 40 birth years × 12 months × 28 days × 200 sequence numbers.
    public static let space = 6 * 40 * 12 * 28 * (1000 - firstSequence)
    public let salt: Int
    public let thisYear: Int

    public init(salt: Int = Int.random(in: 0..<SyntheticPerson.space), thisYear: Int = Calendar(identifier: .gregorian).component(.year, from: Date())) {
        self.salt = salt
        self.thisYear = thisYear
    }

    /// The ID number of person `index`.
    public func idNumber(_ index: Int) -> String {
        // Mixed radix, least significant first: day, month, year, sequence, county.
        var k = (salt + index) % Self.space
        let day = k % 28 + 1
        k /= 28
        let month = k % 12 + 1
        k /= 12
        let birthYear = thisYear - 18 - k % 40
        k /= 40
        let sequence = Self.firstSequence + k % (1000 - Self.firstSequence)
        k /= 1000 - Self.firstSequence
        let county = JinchengDivisions.countyCodes[k % JinchengDivisions.countyCodes.count]
        let first17 = String(county) + Self.digits(birthYear, 4) + Self.digits(month, 2) + Self.digits(day, 2) + Self.digits(sequence, 3)
        return first17 + String(ResidentIDNumber.checkCharacter(forFirst17: first17)!)
    }

    /// A registration of person `index`, in the county its ID number names.
    public func registration(_ index: Int) -> PersonRegistration {
        let id = idNumber(index)
        var person = PersonRegistration()
        person.idNumber = id
        person.name = Self.surnames[index % Self.surnames.count] + Self.givenNames[(index / Self.surnames.count) % Self.givenNames.count]
        person.residenceCounty = Int32(id.prefix(6))!
        person.category = Self.categories[index % Self.categories.count]
        person.education = EducationLevel(rawValue: Int32(index % 7 + 1))
        person.phone = "1" + String(3 + index % 7) + Self.digits((salt + index) &* 7919 % 1_000_000_000, 9)
        return person
    }

    static let categories: [LabourCategory] = [.rural, .urban, .poor, .universityGraduate]
    static let surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "郭", "牛"]
    static let givenNames = ["伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟"]

    static func digits(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
