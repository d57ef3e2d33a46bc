import ArgumentParser
import JCSkillsStore

/// The flags every service executable takes (docs/DESIGN.md §7). Flags override the config file,
/// which overrides the defaults.
public struct ServiceOptions: ParsableArguments, Sendable {
    @Option(name: .long, help: ArgumentHelp("YAML configuration file (see deploy/config/).", valueName: "file"))
    public var config: String?

    @Option(name: .long, help: ArgumentHelp("Address to serve the protocol on. Default 127.0.0.1:<service port>.", valueName: "host:port"))
    public var listen: String?

    @Option(name: .long, help: ArgumentHelp("Data directory (SQLite database, sealing keys). Default .jcskills/data/<service>.", valueName: "dir"))
    public var data: String?

    @Option(name: .long, help: ArgumentHelp("Directory with ca.crt and <identity>.crt/.key, as `jcskills pki init` writes. Default .jcskills/pki.", valueName: "dir"))
    public var tls: String?

    @Option(name: .long, help: ArgumentHelp("TLS identity to present (file name in --tls). Default: the service's name.", valueName: "id"))
    public var identity: String?

    @Option(name: .long, help: ArgumentHelp(
        "File of revoked certificate serials, one hexadecimal serial a line; clients presenting one are refused at the handshake (read again on SIGHUP), and so are peers this service calls (read again when the file changes).",
        valueName: "file"))
    public var revokedSerials: String?

    @Option(name: .long, help: ArgumentHelp("Address for Prometheus metrics (GET /metrics). Default 127.0.0.1:<9100 + n>.", valueName: "host:port"))
    public var metrics: String?

    @Option(name: .long, help: ArgumentHelp("Another service this one calls; repeatable.", valueName: "name=host:port[,host:port…]"))
    public var peer: [String] = []

    @Option(name: .long, help: ArgumentHelp("postgres://user:password@host:port/db to use PostgreSQL instead of the embedded SQLite. Default $JCSKILLS_DATABASE_URL, which keeps the password off the command line.", valueName: "url"))
    public var database: String?

    @Option(name: .long, help: ArgumentHelp("trace, debug, info, notice, warning, error or critical. Default info.", valueName: "level"))
    public var logLevel: String?

    @Option(name: .long, help: ArgumentHelp(
        "An RPC server limit; repeatable. Names: \(ServerLimit.all.map(\.name).joined(separator: ", ")). Defaults: SECURITY.md.",
        valueName: "name=value"))
    public var rpcLimit: [String] = []

    @Option(name: .long, help: ArgumentHelp(
        "A store setting; repeatable. Names: \(StoreSetting.all.map(\.name).joined(separator: ", ")). Defaults and meaning: README, Store settings.",
        valueName: "name=value"))
    public var storeSetting: [String] = []

    public init() {}
}
