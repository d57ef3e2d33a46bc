import ArgumentParser
import Foundation
import JCSkillsMessages

extension ParsableCommand {
    /// ArgumentParser's exit, in the user's language: its help screens' headings and its usage
    /// errors' common words are the catalogue's, and so are the "Error:" and "Usage:" they start with.
    static func exitInUsersLanguage(_ error: any Error) -> Never {
        let code = exitCode(for: error)
        var text = Messages.Client.parserText(fullMessage(for: error))
        if code == .success {
            if !text.isEmpty { print(text) }
            Foundation.exit(code.rawValue)
        }
        if text.hasPrefix("Error: ") { text = Messages.Errors.prefix.text() + text.dropFirst("Error: ".count) }
        text = text.replacingOccurrences(of: "\nUsage: ", with: "\n" + Messages.Errors.usagePrefix.text())
        if !text.isEmpty { writeError(text + "\n") }
        Foundation.exit(code.rawValue)
    }
}
