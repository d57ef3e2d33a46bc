import ArgumentParser
import Foundation
import JCSkillsMessages
import JCSkillsRPC
import Synchronization

/// How the CLI authenticates: the TLS directory and the identity in it.
struct ClientOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(Messages.Client.tlsHelp.text(), valueName: "dir"))
    var tls: String?

    @Option(name: .customLong("as"), help: ArgumentHelp(Messages.Client.asHelp.text(), valueName: "id"))
    var identity: String?

    @Option(name: .long, help: ArgumentHelp(Messages.Client.revokedSerialsHelp.text(), valueName: "file"))
    var revokedSerials: String?

    var tlsDirectory: String { tls ?? ProcessInfo.processInfo.environment["JCSKILLS_TLS"] ?? ".jcskills/pki" }
    var identityName: String { identity ?? ProcessInfo.processInfo.environment["JCSKILLS_AS"] ?? "admin" }

    func files() throws -> TLSFiles {
        var files = TLSFiles(directory: tlsDirectory, identity: identityName)
        for path in [files.certificateChain, files.privateKey, files.trustRoots] where !FileManager.default.fileExists(atPath: path) {
            throw ValidationError(Messages.Errors.missingTLSFile(path, directory: tlsDirectory).text())
        }
        files.revokedSerials = revokedSerials ?? ProcessInfo.processInfo.environment["JCSKILLS_REVOKED_SERIALS"].flatMap { $0.isEmpty ? nil : $0 }
        return files
    }

    /// `attempts` above 1 only for calls that are safe to repeat: idempotent ones, or ones that
    /// carry an idempotency key.
    func client(_ endpoints: [Endpoint], timeout: Duration = .seconds(10), attempts: Int = 1) throws -> RPCClient {
        var configuration = ClientConfiguration.jcskills(tls: try files())
        configuration.defaultTimeout = timeout
        configuration.maximumAttempts = attempts
        Self.called.withLock { $0 = endpoints }
        return try RPCClient(endpoints: endpoints, configuration: configuration)
    }

    /// The services this run's last client calls: what a failure to reach one names when it
    /// reaches the user without its client (CLIError, Support/ErrorExit.swift).
    static let called = Mutex<[Endpoint]>([])
    static var calledEndpoints: String? {
        let endpoints = called.withLock { $0 }
        return endpoints.isEmpty ? nil : endpoints.map(\.description).joined(separator: ",")
    }

    /// A client of the service at `endpoint` (an `--endpoint` value, HOST:PORT).
    func client(endpoint: String, timeout: Duration = .seconds(30), attempts: Int = 1) throws -> RPCClient {
        guard let target = Endpoint(endpoint) else { throw ValidationError(Messages.Errors.expectedEndpoint(endpoint).text()) }
        return try client([target], timeout: timeout, attempts: attempts)
    }

    /// Runs calls on one client of `endpoint` and closes it; a refusal becomes a one-line error
    /// (its message starts with the rule or the field), not a trace.
    func call<T: Sendable>(endpoint: String, timeout: Duration = .seconds(30), attempts: Int = 1,
                           _ body: (RPCClient) async throws -> T) async throws -> T {
        try await withClosingClient(try client(endpoint: endpoint, timeout: timeout, attempts: attempts), body)
    }
}

/// `--idempotency-key` for the commands that write one record: every invocation sends a key
/// (a fresh random one unless given), so its client may retry a call whose answer was lost,
/// and the service (store.write in Services/*/Service/RPC) runs the write at most once per key.
struct IdempotencyOptions: ParsableArguments {
    @Option(name: .customLong("idempotency-key"),
            help: ArgumentHelp(Messages.Client.idempotencyKeyHelp.text(), valueName: "key"))
    var key: String?

    /// Attempts a keyed write may take: a repeat is answered from the first, never written again.
    static let attempts = 3

    // The store's limit (Store.maximumIdempotencyKeyLength, Sources/Store/Idempotency/Store+Idempotency.swift),
    // checked here so a bad key is refused before anything is sent.
    func validate() throws {
        if let key, key.isEmpty || key.utf8.count > 200 {
            throw ValidationError(Messages.Errors.idempotencyKeyLength.text())
        }
    }

    /// The call's options, with the given key or a new one.
    func callOptions() -> CallOptions {
        CallOptions(idempotencyKey: key ?? UUID().uuidString)
    }
}
