/// Makes a `String` from the bytes of a `string` field, rejecting invalid UTF-8 (SPEC.md §4.2).
///
/// `String(decoding:as:)` validates the bytes already (strictly: overlong forms, surrogates and
/// values above U+10FFFF are invalid to it too) but repairs what is invalid instead of failing,
/// replacing each maximal invalid subpart with U+FFFD (`EF BF BD`). Detecting a repair is
/// cheaper than validating a second time, which a hand-written validator in front of
/// `String(decoding:as:)` did at a quarter of the string decoding cost in the benchmark's
/// profile (`String(validating:as:)` is generic and paid runtime metadata look-ups per call):
///
/// - A maximal invalid subpart has 1, 2 or 3 bytes, so a repair never shortens the string; if
///   the lengths differ, something was repaired.
/// - With equal lengths every replaced subpart had 3 bytes, and a 3-byte invalid subpart is
///   always a truncated 4-byte sequence, led by a byte F0–F4. Input without any byte ≥ F0
///   (all of Chinese text, which is 3-byte UTF-8) was therefore taken as it is.
/// - Otherwise compare: a repair changed bytes, because the first replaced subpart was not
///   `EF BF BD` (that is valid) and everything before it is kept.
@inlinable
func makeString(_ bytes: UnsafeRawBufferPointer, field: UInt32) throws(WireError) -> String {
    let string = String(decoding: bytes.assumingMemoryBound(to: UInt8.self), as: UTF8.self)
    guard string.utf8.count == bytes.count else { throw .invalidUTF8(field: field) }
    if containsFourByteLead(bytes) {
        let same = string.utf8.withContiguousStorageIfAvailable { utf8 in
            utf8.elementsEqual(bytes.assumingMemoryBound(to: UInt8.self))
        }
        guard same ?? string.utf8.elementsEqual(bytes) else { throw .invalidUTF8(field: field) }
    }
    return string
}

/// Whether any byte is F0 or above, eight bytes at a time.
@inlinable
func containsFourByteLead(_ bytes: UnsafeRawBufferPointer) -> Bool {
    guard let base = bytes.baseAddress else { return false }
    let count = bytes.count
    guard count >= 8 else {
        for offset in 0..<count where base.load(fromByteOffset: offset, as: UInt8.self) >= 0xF0 { return true }
        return false
    }
    // Bit 7 of a byte survives only if its bits 7, 6, 5 and 4 are all set (a byte ≥ F0);
    // the shifts carry bits into the next byte only below bit 3, which the mask drops.
    @inline(__always) func hasLead(_ offset: Int) -> Bool {
        let word = base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
        return word & (word << 1) & (word << 2) & (word << 3) & 0x8080_8080_8080_8080 != 0
    }
    var offset = 0
    while count - offset > 8 {
        if hasLead(offset) { return true }
        offset += 8
    }
    return hasLead(count - 8)  // the last word, overlapping the one before it
}
