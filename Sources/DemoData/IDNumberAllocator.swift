import JCSkillsProtocol

/// Hands out unique ID numbers: each (address code, birth date, gender) triple has its own
/// counter, and the counter picks the 3-digit sequence.
///
/// Sequences are `2·s + g` with g = 1 for men; valid rows use s in 0..<400 (first digit 0–7),
/// visited in a scrambled order so the numbers do not all end 001, 003…; s in 400..<500
/// (first digit 8–9) is reserved for deliberately broken rows, which therefore can never
/// collide with a valid person. Memory grows with the number of distinct triples, which is
/// bounded by the address codes × 45 years of birth dates × 2, a few hundred thousand entries
/// (single-digit MB) however many persons are generated.
struct IDNumberAllocator {
    static let validSlots = 400
    static let reservedSlots = 100

    private var used: [UInt64: UInt16] = [:]

    /// A fresh number for a person of this address, gender and birth date, or nil when all 400
    /// sequences of that day are taken (the caller tries another day).
    mutating func allocate(address: Int32, birthDate: CalendarDate, male: Bool) -> String? {
        allocate(address: address, birthDate: birthDate, male: male, reserved: false)
    }

    /// A number from the reserved range, for broken rows.
    mutating func allocateReserved(address: Int32, birthDate: CalendarDate, male: Bool) -> String? {
        allocate(address: address, birthDate: birthDate, male: male, reserved: true)
    }

    private mutating func allocate(address: Int32, birthDate: CalendarDate, male: Bool, reserved: Bool) -> String? {
        let key = UInt64(address) << 24 | UInt64(birthDate.dayNumber + 1_000_000) << 2 | (male ? 1 : 0) << 1 | (reserved ? 1 : 0)
        let count = Int(used[key, default: 0])
        let slots = reserved ? Self.reservedSlots : Self.validSlots
        guard count < slots else { return nil }
        used[key] = UInt16(count + 1)
        // 37 and 400 (and 37 and 100) are coprime, so this visits every slot once.
        let scramble = Int(key % UInt64(slots))
        let slot = (count * 37 + scramble) % slots + (reserved ? Self.validSlots : 0)
        let sequence = slot * 2 + (male ? 1 : 0)
        return Self.number(address: address, birthDate: birthDate, sequence: sequence)
    }

    /// Address, date and sequence with the computed check character.
    static func number(address: Int32, birthDate: CalendarDate, sequence: Int) -> String {
        let first17 = String(address) + birthDate.compactString + threeDigits(sequence)
        return first17 + String(ResidentIDNumber.checkCharacter(forFirst17: first17)!)
    }

    static func threeDigits(_ value: Int) -> String {
        value < 10 ? "00\(value)" : value < 100 ? "0\(value)" : String(value)
    }
}
