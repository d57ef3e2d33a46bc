import JCSkillsMessages

/// The totals tables' cells: padded by terminal columns (``TextWidth``: a Chinese character
/// takes two), always at least one space apart, so a long value never runs into the next.
enum TerminalColumns {
    static func width(_ text: String) -> Int { TextWidth.columns(text) }

    static func pad(_ text: String, _ columns: Int, right: Bool = false) -> String {
        let gap = String(repeating: " ", count: max(1, columns - width(text)))
        return right ? gap + text : text + gap
    }
}
