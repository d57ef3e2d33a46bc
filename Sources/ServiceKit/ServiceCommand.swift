import ArgumentParser

/// One service executable: which service it is and how its handlers are assembled. The
/// executable's `main` is then one line: `await ServiceCommand<RegistryDefinition>.main()`.
public protocol ServiceDefinition: SendableMetatype {
    static var kind: ServiceKind { get }
    static var summary: String { get }
    static func assemble(_ environment: ServiceEnvironment) async throws -> ServiceAssembly
}

/// The command line every service shares (docs/DESIGN.md §7).
public struct ServiceCommand<Definition: ServiceDefinition>: AsyncParsableCommand {
    public static var configuration: CommandConfiguration {
        let kind = Definition.kind
        return CommandConfiguration(
            commandName: kind.executable,
            abstract: Definition.summary,
            discussion: """
                Serves the JCSkills protocol (mutual TLS, ALPN jcskills/1) on --listen, default \
                127.0.0.1:\(kind.defaultPort), and Prometheus metrics on --metrics, default \
                127.0.0.1:\(kind.defaultMetricsPort). Run by the \(kind.department).
                SIGTERM or SIGINT: stop taking calls, let calls in flight finish, exit 0.
                """,
            version: ServiceRunner.version)
    }

    @OptionGroup public var options: ServiceOptions

    public init() {}

    public func run() async throws {
        do {
            try await ServiceRunner.run(kind: Definition.kind, options: options) { try await Definition.assemble($0) }
        } catch let error as ConfigurationError {
            throw ValidationError(error.description)
        }
    }
}
