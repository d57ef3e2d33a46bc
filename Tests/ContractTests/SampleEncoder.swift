/// Encodes a sample of a message from a released contract alone — every field set to a value
/// that is not its default, nested messages too, lists of two — the way a client built
/// against that release would (SPEC.md §4.5). Written apart from the Swift codec on purpose.
struct SampleEncoder {
    let contract: ReleasedContract
    /// A message that contains itself is sampled this deep, then left empty.
    var maximumDepth = 4

    func message(_ name: String, depth: Int = 0) -> [UInt8] {
        guard depth < maximumDepth, let message = contract.messages[name] else { return [] }
        var out: [UInt8] = []
        for field in message.fields {
            guard let encoding = WireEncoding(contractType: field.type) else { continue }
            if field.label == "repeated" {
                let elements = (0..<2).map { value(field, encoding, index: $0, depth: depth) }
                if encoding.isPacked {
                    let packed = elements.flatMap { $0 }
                    out += tag(field.number, 2) + varint(UInt64(packed.count)) + packed
                } else {
                    for element in elements { out += tag(field.number, 2) + element }
                }
            } else {
                out += tag(field.number, encoding.wireType) + value(field, encoding, index: 0, depth: depth)
            }
        }
        return out
    }

    private func value(_ field: ReleasedContract.Field, _ encoding: WireEncoding, index: Int, depth: Int) -> [UInt8] {
        let offset = UInt64(index)
        switch field.type {
        case "bool": return [1]
        case "uint32": return varint(7 + offset)
        case "uint64": return varint(1 << 40 + offset)
        case "int32": return varint(zigZag(-5 - Int64(index)))
        case "int64": return varint(zigZag(-(1 << 40) - Int64(index)))
        case "double": return littleEndian((2.5 + Double(index)).bitPattern, bytes: 8)
        case "float": return littleEndian(UInt64((0.5 + Float(index)).bitPattern), bytes: 4)
        case "string": return lengthDelimited(Array("样例 \(index)".utf8))
        case "bytes": return lengthDelimited([0xde, 0xad, UInt8(index)])
        case "enum":
            let known = field.enum.flatMap { contract.enums[$0] }?.values.map(\.number).filter { $0 != 0 } ?? []
            let number = known.isEmpty ? 1 : known[index % known.count]
            return varint(UInt64(UInt32(bitPattern: number)))
        default:  // a message
            return lengthDelimited(message(field.message ?? "", depth: depth + 1))
        }
    }

    private func tag(_ number: UInt32, _ wireType: UInt8) -> [UInt8] { varint(UInt64(number) << 3 | UInt64(wireType)) }

    private func lengthDelimited(_ bytes: [UInt8]) -> [UInt8] { varint(UInt64(bytes.count)) + bytes }

    private func zigZag(_ value: Int64) -> UInt64 { UInt64(bitPattern: (value << 1) ^ (value >> 63)) }

    private func littleEndian(_ value: UInt64, bytes: Int) -> [UInt8] {
        (0..<bytes).map { UInt8(truncatingIfNeeded: value >> (8 * UInt64($0))) }
    }
}

func varint(_ value: UInt64) -> [UInt8] {
    var value = value
    var out: [UInt8] = []
    while value >= 0x80 {
        out.append(UInt8(truncatingIfNeeded: value) | 0x80)
        value >>= 7
    }
    out.append(UInt8(value))
    return out
}

/// The field numbers present at the top level of an encoded message; nil if it does not parse.
func topLevelFieldNumbers(_ bytes: [UInt8]) -> Set<UInt32>? {
    var index = 0
    func readVarint() -> UInt64? {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while index < bytes.count, shift < 64 {
            let byte = bytes[index]
            index += 1
            result |= UInt64(byte & 0x7f) << shift
            if byte < 0x80 { return result }
            shift += 7
        }
        return nil
    }
    var numbers: Set<UInt32> = []
    while index < bytes.count {
        guard let tag = readVarint() else { return nil }
        numbers.insert(UInt32(tag >> 3))
        switch tag & 7 {
        case 0: guard readVarint() != nil else { return nil }
        case 1: index += 8
        case 5: index += 4
        case 2:
            guard let length = readVarint() else { return nil }
            index += Int(length)
        default: return nil
        }
        if index > bytes.count { return nil }
    }
    return numbers
}
