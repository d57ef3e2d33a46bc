import ArgumentParser
import Foundation
import JCSkillsProtocol
import JCSkillsRPC

struct HealthCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "health",
        abstract: "Ask a service whether it is serving; exit 0 if it is.",
        discussion: "Exit codes: 0 serving, 1 answering but not serving (e.g. draining), 2 unreachable or refused.")

    @OptionGroup var client: ClientOptions

    @Argument(help: ArgumentHelp("The service's address.", valueName: "host:port"))
    var endpoint: String

    @Option(name: .long, help: ArgumentHelp("Seconds to wait for the answer.", valueName: "seconds"))
    var timeout: Double = 5

    func run() async throws {
        guard let target = Endpoint(endpoint) else {
            throw ValidationError("expected HOST:PORT, got '\(endpoint)'")
        }
        let rpc = try client.client([target], timeout: .milliseconds(Int(timeout * 1000)))
        do {
            let health = try await rpc.unary(HealthService.check, HealthCheckRequest())
            print("\(target): \(health.status) (\(health.server) \(health.version))")
            await rpc.close()
            if health.status != .serving { throw ExitCode(1) }
        } catch let error as RPCError {
            await rpc.close()
            printError("\(target): \(error)")
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
