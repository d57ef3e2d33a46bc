import Foundation
import JCSkillsProtocol

/// The data-quality figures (docs/QUALITY.md) worked out from import rows alone, with rules
/// written here again rather than the registry's: the ID number's structure, date and check
/// character, the ages 16–60 on the registration date, the county, the phone; then who is
/// past 60, in which band and cell on a given day.
struct QualityRecount {
    /// Per counted county (0: no county named): rows by outcome and rejected rows by reason.
    var received: [Int32: UInt64] = [:]
    var accepted: [Int32: UInt64] = [:]
    var duplicates: [Int32: UInt64] = [:]
    var rejected: [Int32: [String: UInt64]] = [:]
    /// Accepted persons: counted county, category, gender and birth date.
    var persons: [(county: Int32, category: Int32, gender: Int32, birth: (Int, Int, Int), id: String)] = []

    static let counties: Set<Int32> = [140502, 140521, 140522, 140524, 140525, 140581]
    static let zone: Int32 = 140599
    static let zoneHost: Int32 = 140525

    init(_ rows: [PersonImportRow]) {
        var seen = Set<String>()
        for row in rows {
            let person = row.person
            let county = Self.counted(person.residenceCounty)
            received[county, default: 0] += 1
            if let reason = Self.reason(person) {
                rejected[county, default: [:]][reason, default: 0] += 1
                continue
            }
            let id = person.idNumber.uppercased()
            if !seen.insert(id).inserted {
                duplicates[county, default: 0] += 1
                continue
            }
            accepted[county, default: 0] += 1
            let digits = Array(id)
            persons.append((county, person.category.rawValue, Int(String(digits[16]))! % 2 == 1 ? 1 : 2, Self.birth(id)!, id))
        }
    }

    static func counted(_ county: Int32) -> Int32 {
        county == zone ? zoneHost : (counties.contains(county) ? county : 0)
    }

    /// Why the registry should refuse the row, as its reason code; nil when it should take it.
    static func reason(_ person: PersonRegistration) -> String? {
        let id = Array(person.idNumber.uppercased())
        guard id.count == 18 else { return "id_number.wrong_length" }
        guard id.prefix(17).allSatisfy(\.isASCII) && id.prefix(17).allSatisfy(\.isNumber), id[17].isNumber || id[17] == "X" else {
            return "id_number.invalid_character"
        }
        guard let birth = birth(String(id)) else { return "id_number.impossible_birth_date" }
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        let sum = zip(id.prefix(17), weights).reduce(0) { $0 + Int(String($1.0))! * $1.1 }
        guard Array("10X98765432")[sum % 11] == id[17] else { return "id_number.wrong_check_character" }
        // No date: registered on the harness's today (RegistryHarness.now).
        let on = Int(person.registeredOn == 0 ? 20201101 : person.registeredOn)
        let registered = (on / 10000, on / 100 % 100, on % 100)
        let age = years(from: birth, to: registered)
        guard (16...60).contains(age) else { return "id_number.age" }
        guard person.residenceCounty == zone || counties.contains(person.residenceCounty) else { return "residence_county" }
        let phone = person.phone.filter(\.isNumber)
        guard phone.count == 11, phone.hasPrefix("1"), "3456789".contains(Array(phone)[1]) else { return "phone" }
        return nil
    }

    static func birth(_ id: String) -> (Int, Int, Int)? {
        let digits = Array(id)
        guard let year = Int(String(digits[6..<10])), let month = Int(String(digits[10..<12])), let day = Int(String(digits[12..<14])),
              (1...12).contains(month), year >= 1800
        else { return nil }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return (1...lengths[month - 1]).contains(day) ? (year, month, day) : nil
    }

    static func years(from birth: (Int, Int, Int), to day: (Int, Int, Int)) -> Int {
        day.0 - birth.0 - ((day.1, day.2) < (birth.1, birth.2) ? 1 : 0)
    }

    /// `county` (0: the city) on `day`: active persons past 60, and the rest per
    /// "category/gender/band" cell.
    func standing(county: Int32, on day: Int32) -> (pastAge: UInt64, cells: [String: UInt64]) {
        let today = (Int(day) / 10000, Int(day) / 100 % 100, Int(day) % 100)
        var pastAge: UInt64 = 0
        var cells: [String: UInt64] = [:]
        for person in persons where county == 0 || person.county == county {
            let age = Self.years(from: person.birth, to: today)
            if age > 60 {
                pastAge += 1
                continue
            }
            let band = [16, 25, 35, 45, 55].lastIndex { age >= $0 } ?? 0
            cells["\(person.category)/\(person.gender)/\(band)", default: 0] += 1
        }
        return (pastAge, cells)
    }

    func sum(_ figures: [Int32: UInt64], county: Int32) -> UInt64 {
        county == 0 ? figures.values.reduce(0, +) : figures[county] ?? 0
    }

    /// Rejected rows by reason in `county` (0: the whole city, rows naming no county included).
    func rejections(county: Int32) -> [String: UInt64] {
        var result: [String: UInt64] = [:]
        for (code, reasons) in rejected where county == 0 || code == county {
            for (reason, rows) in reasons { result[reason, default: 0] += rows }
        }
        return result
    }
}

extension QualityReport {
    var cellCounts: [String: UInt64] {
        Dictionary(uniqueKeysWithValues: coverage.map { ("\($0.category.rawValue)/\($0.gender.rawValue)/\($0.ageBand)", $0.registered) })
    }

    func rejectionCounts(kind: String) -> [String: UInt64] {
        Dictionary(uniqueKeysWithValues: rejections.filter { $0.kind == kind }.map { ($0.reason, $0.rows) })
    }
}
