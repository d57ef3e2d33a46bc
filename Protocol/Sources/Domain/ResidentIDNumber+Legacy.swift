extension ResidentIDNumber {
    /// The century the standard assigns to every legacy 15-digit number.
    public static let legacyCentury = "19"

    /// Converts a legacy 15-digit number (`AAAAAA YYMMDD SSS`, first-generation cards, withdrawn
    /// 2013-01-01) to the 18-character form: `19` is inserted before `YY` and the check
    /// character appended, so `140524900101123` becomes `140524199001011239`.
    ///
    /// Accept this only where docs/DOMAIN.md §3 allows it — bulk import of legacy records — and flag
    /// the converted record. Every legacy number is assumed to be born in the 1900s, as the
    /// standard's conversion does.
    ///
    /// - Parameter referenceDate: as in ``parse(_:notAfter:)``; nil skips the future check.
    /// - Throws: ``IDNumberError/wrongLength(_:)`` unless 15 characters,
    ///   ``IDNumberError/invalidCharacter(position:)`` (positions 1–15 of the legacy text) for a
    ///   non-digit, ``IDNumberError/impossibleBirthDate(_:)`` with the expanded `19yymmdd`, and
    ///   ``IDNumberError/birthDateInFuture``.
    public static func convertLegacy(_ fifteen: String, notAfter referenceDate: CalendarDate? = nil) throws(IDNumberError) -> ResidentIDNumber {
        let bytes = try asciiCharacters(of: fifteen, expectedLength: 15)
        for (index, byte) in bytes.enumerated() where !isDigit(byte) {
            throw .invalidCharacter(position: index + 1)
        }
        let first17 = Array(bytes[0..<6]) + Array(legacyCentury.utf8) + Array(bytes[6..<15])
        let check = checkCharacter(digits: first17[...])
        // parse re-checks everything and reports the expanded date if it is impossible.
        return try parse(String(decoding: first17, as: UTF8.self) + String(check), notAfter: referenceDate)
    }
}
