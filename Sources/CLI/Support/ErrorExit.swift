import ArgumentParser
import Foundation
import JCSkillsDemoData
import JCSkillsMessages
import JCSkillsPKI
import JCSkillsProtocol

extension ParsableCommand {
    /// ArgumentParser's exit, in the user's language: its help screens' headings and its usage
    /// errors' common words are the catalogue's, and so are the "Error:" and "Usage:" they start with.
    static func exitInUsersLanguage(_ error: any Error) -> Never {
        if let text = libraryErrorText(error) {
            printError(Messages.Errors.prefix.text() + text)
            Foundation.exit(ExitCode.failure.rawValue)
        }
        let code = exitCode(for: error)
        var text = Messages.Client.parserText(fullMessage(for: error))
        if code == .success {
            if !text.isEmpty { print(text) }
            Foundation.exit(code.rawValue)
        }
        if text.hasPrefix("Error: ") { text = Messages.Errors.prefix.text() + text.dropFirst("Error: ".count) }
        text = text.replacingOccurrences(of: "\nUsage: ", with: "\n" + Messages.Errors.usagePrefix.text())
        if !text.isEmpty { printError(text) }
        Foundation.exit(code.rawValue)
    }
}

/// The libraries' errors that no command turned into its own words, in the catalogue's: their
/// own descriptions are English (a call's failure, the development PKI's, a file's).
private func libraryErrorText(_ error: any Error) -> String? {
    switch error {
    case let rpc as RPCError: CLIError(rpc).description
    case let pki as PKIError: pki.message.text()
    case let file as CSVFileError: file.message.text()
    case let row as CSVRow.Error: row.message.text()
    default: nil
    }
}
