import Foundation
import JCSkillsProtocol
import Testing

@Suite("Trimming spaces and tabs as Foundation's .whitespaces does")
struct WhitespaceTrimmingTests {
    @Test(arguments: [
        "", " ", "\t\t", "王晓明", " 王晓明 ", "\t王 晓明\t", "\u{3000}王晓明\u{3000}", "\u{00A0}x\u{2003}",
        "\n王晓明\n", " a\nb ", "x  ", "  x", "é ", " 👩‍🔧 ",
    ])
    func matchesFoundation(_ text: String) {
        #expect(text.trimmingWhitespace == text.trimmingCharacters(in: .whitespaces))
    }

    /// Every ASCII character (which the trimming decides without the Unicode category look-up)
    /// and the Latin-1 ones next to it, on both sides of a word.
    @Test func everyASCIIAndLatin1CharacterMatchesFoundation() {
        for value in UInt32(0)..<0x100 {
            let text = "\(Character(Unicode.Scalar(value)!))x\(Character(Unicode.Scalar(value)!))"
            #expect(text.trimmingWhitespace == text.trimmingCharacters(in: .whitespaces), "U+\(String(value, radix: 16))")
        }
    }
}
