import Foundation
import JCSkillsMessages

/// A one-line progress bar on standard error, drawn only when it is a terminal and at most
/// ten times a second.
struct ProgressBar {
    /// Set for work that runs beside another's bar (one line holds one bar).
    @TaskLocal static var hidden = false

    let label: String
    let total: UInt64
    private let enabled = isatty(STDERR_FILENO) == 1 && !ProgressBar.hidden
    private var lastDraw = Date.distantPast
    private let started = Date()

    init(label: String, total: UInt64) {
        self.label = label
        self.total = total
    }

    mutating func update(done: UInt64, items: Int) {
        guard enabled, Date().timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = Date()
        let fraction = total == 0 ? 0 : min(1, Double(done) / Double(total))
        let width = 30
        let filled = Int(fraction * Double(width))
        let rate = Double(items) / max(Date().timeIntervalSince(started), 0.001)
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        FileHandle.standardError.write(Data(String(format: "\r%@ %@ %3.0f%%  %d %@  %.0f %@ ", label, bar, fraction * 100, items, Messages.Import.rows.text(), rate, Messages.Import.rowsPerSecond.text()).utf8))
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
