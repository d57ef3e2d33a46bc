/// Columns on a terminal: a Chinese character takes two columns, so padding by character
/// count would misalign every Chinese table.
enum TerminalColumns {
    static func width(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + (isWide($1) ? 2 : 1) }
    }

    static func pad(_ text: String, _ columns: Int, right: Bool = false) -> String {
        let gap = String(repeating: " ", count: max(1, columns - width(text)))
        return right ? gap + text : text + gap
    }

    /// East Asian wide and full-width ranges (Unicode UAX #11, the blocks the programme's
    /// texts use): CJK ideographs and punctuation, kana, Hangul, full-width forms.
    private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            true
        default:
            false
        }
    }
}
