import ArgumentParser
import JCSkillsMessages
import JCSkillsServiceKit

/// Runs an operation on a service's store; a refusal it explains (``OperationsError``) is printed
/// in the user's language and ends the command with a failure status, as every `jcskills`
/// error does. Shared by `backup`, `restore` and `keys`.
func reportingOperationsFailure<Result>(_ body: () async throws -> Result) async throws -> Result {
    do {
        return try await body()
    } catch let error as OperationsError {
        printError(Messages.Errors.prefix.text() + error.message.text())
        throw ExitCode.failure
    }
}
