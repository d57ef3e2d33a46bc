import ArgumentParser
import Foundation
import JCSkillsMessages
import JCSkillsProtocol
import JCSkillsRPC

struct HealthCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "health",
        abstract: Messages.Health.abstract.text(),
        discussion: Messages.Health.discussion.text())

    @OptionGroup var client: ClientOptions

    @Argument(help: ArgumentHelp(Messages.Client.endpointHelp.text(), valueName: "host:port"))
    var endpoint: String

    @Option(name: .long, help: ArgumentHelp(Messages.Health.timeoutHelp.text(), valueName: "seconds"))
    var timeout: Double = 5

    func run() async throws {
        guard let target = Endpoint(endpoint) else {
            throw ValidationError(Messages.Errors.expectedHostPort(endpoint).text())
        }
        let rpc = try client.client([target], timeout: .milliseconds(Int(timeout * 1000)))
        do {
            let health = try await rpc.unary(HealthService.check, HealthCheckRequest())
            print(Messages.Health.answer(target: "\(target)", status: "\(health.status)", server: health.server, version: health.version).text())
            await rpc.close()
            if health.status != .serving { throw ExitCode(1) }
        } catch let error as RPCError {
            await rpc.close()
            printError(Messages.Health.failed(target: "\(target)", error: Messages.Errors.service(code: error.code.name, message: error.message)).text())
            throw ExitCode(2)
        }
    }
}

func printError(_ message: String) {
    var standardError = StandardError()
    print(message, to: &standardError)
}

struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        FileHandle.standardError.write(Data(string.utf8))
    }
}
