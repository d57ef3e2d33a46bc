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
}
