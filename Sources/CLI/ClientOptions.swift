import ArgumentParser
import Foundation
import JCSkillsRPC

/// How the CLI authenticates: the TLS directory and the identity in it.
struct ClientOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Directory with ca.crt and <id>.crt/.key. Env JCSKILLS_TLS; default .jcskills/pki.", valueName: "dir"))
    var tls: String?

    @Option(name: .customLong("as"), help: ArgumentHelp("Identity to present (a file name in the TLS directory). Env JCSKILLS_AS; default admin.", valueName: "id"))
    var identity: String?

    var tlsDirectory: String { tls ?? ProcessInfo.processInfo.environment["JCSKILLS_TLS"] ?? ".jcskills/pki" }
    var identityName: String { identity ?? ProcessInfo.processInfo.environment["JCSKILLS_AS"] ?? "admin" }

    func files() throws -> TLSFiles {
        let files = TLSFiles(directory: tlsDirectory, identity: identityName)
        for path in [files.certificateChain, files.privateKey, files.trustRoots] where !FileManager.default.fileExists(atPath: path) {
            throw ValidationError("missing \(path): create a development PKI with `jcskills pki init --out \(tlsDirectory)` or pass --tls/--as")
        }
        return files
    }

    func client(_ endpoints: [Endpoint], timeout: Duration = .seconds(10)) throws -> RPCClient {
        var configuration = ClientConfiguration(tls: try files())
        configuration.defaultTimeout = timeout
        configuration.maximumAttempts = 1
        return try RPCClient(endpoints: endpoints, configuration: configuration)
    }
}
