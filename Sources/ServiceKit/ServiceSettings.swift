import Foundation
import JCSkillsRPC
import JCSkillsStore
import Logging
import Yams

/// A service's settings after defaults, the config file and the flags are combined.
public struct ServiceSettings: Sendable {
    public var kind: ServiceKind
    public var listen: Endpoint
    public var metrics: Endpoint?
    public var dataDirectory: String
    public var tls: TLSFiles
    public var peers: [ServiceKind: [Endpoint]]
    /// nil: the embedded SQLite database in the data directory.
    public var database: String?
    public var logLevel: Logger.Level
    /// Seconds calls in flight get on shutdown.
    public var drainSeconds: Int
    /// Whether admins may call the echo service (link checks, load tests). Default true.
    public var echoService: Bool
    /// Connection cap, timeouts and head size for every HTTP port (metrics; the gateway's dashboard).
    public var httpLimits: HTTPServerLimits
    /// The RPC server's limits by name (``ServerLimit``); those not named keep their defaults.
    public var rpcLimits: [String: Int] = [:]
    /// The store's tuning by name (``StoreSetting``); those not named keep their defaults.
    public var storeSettings: [String: Int] = [:]
    /// Spans exported over OTLP/HTTP, off unless an endpoint is named (``TracingSettings``).
    public var tracing = TracingSettings()
    /// What SIGHUP reloads besides the TLS files (Sources/ServiceKit/HangupReload.swift).
    public let reload = ReloadActions()
    /// The config file's text, for the service's own section (see ``section(_:)``).
    var fileText: String?

    /// The environment variable that names the PostgreSQL database, as `--database` does.
    public static let databaseVariable = "JCSKILLS_DATABASE_URL"

    /// Defaults for `kind` on this machine.
    public init(kind: ServiceKind) {
        self.kind = kind
        self.listen = Endpoint(host: "127.0.0.1", port: kind.defaultPort)
        self.metrics = Endpoint(host: "127.0.0.1", port: kind.defaultMetricsPort)
        self.dataDirectory = ".jcskills/data/\(kind.rawValue)"
        self.tls = TLSFiles(directory: ".jcskills/pki", identity: kind.rawValue)
        self.peers = [:]
        self.database = nil
        self.logLevel = .info
        self.drainSeconds = 10
        self.echoService = true
        self.httpLimits = HTTPServerLimits()
    }

    /// Defaults, then the config file named by `--config`, then the environment, then the flags.
    /// The environment names only the database (``databaseVariable``), so that a password stays
    /// out of the command line, which every local user can read in `/proc`. Tracing's endpoint:
    /// the file's, else OpenTelemetry's environment variables (``TracingSettings``).
    public static func resolve(
        kind: ServiceKind, options: ServiceOptions, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> ServiceSettings {
        var settings = ServiceSettings(kind: kind)
        var tracingEndpoint: String?
        if let path = options.config {
            let (file, text) = try ServiceFile.load(path, serviceSection: kind.rawValue)
            try settings.apply(file, from: path)
            settings.fileText = text
            tracingEndpoint = file.tracing?.otlpEndpoint
        }
        if let url = environment[databaseVariable], !url.isEmpty { settings.database = url }
        try settings.apply(options)
        settings.tracing = TracingSettings.resolve(file: tracingEndpoint, environment: environment)
        return settings
    }

    mutating func apply(_ file: ServiceFile, from path: String) throws {
        let flag = "\(path)"
        if let listen = file.listen { self.listen = try parseEndpoint(listen, flag: "\(flag): listen") }
        if let metrics = file.metrics { self.metrics = metrics == "off" ? nil : try parseEndpoint(metrics, flag: "\(flag): metrics") }
        if let data = file.data { dataDirectory = data }
        if let tls = file.tls {
            let identity = tls.identity ?? kind.rawValue
            var files = TLSFiles(directory: tls.directory ?? ".jcskills/pki", identity: identity)
            if let certificate = tls.certificate { files.certificateChain = certificate }
            if let key = tls.key { files.privateKey = key }
            if let ca = tls.ca { files.trustRoots = ca }
            files.revokedSerials = tls.revokedSerials
            self.tls = files
        }
        for (name, addresses) in file.peers ?? [:] {
            let (peer, endpoints) = try parsePeer("\(name)=\(addresses)")
            peers[peer] = endpoints
        }
        if let database = file.database { self.database = database }
        if let level = file.logLevel { logLevel = try Self.level(level, flag: "\(flag): log_level") }
        if let drain = file.drainSeconds { drainSeconds = drain }
        if let echo = file.echoService { echoService = echo }
        if let http = file.http { try http.apply(to: &httpLimits, file: path) }
        for (name, value) in file.rpc ?? [:] { rpcLimits[name] = value }
        try checkRPCLimits(source: "\(flag): rpc")
        for (name, value) in file.store ?? [:] { storeSettings[name] = value }
        try checkStoreSettings(source: "\(flag): store")
    }

    private func checkStoreSettings(source: String) throws {
        var scratch = StoreConfiguration(service: kind.rawValue, location: .sqlite(path: ""))
        try StoreSetting.apply(storeSettings, to: &scratch, source: source)
    }

    private func checkRPCLimits(source: String) throws {
        var scratch = ServerConfiguration(port: 0, tls: tls, serverName: kind.rawValue)
        try ServerLimit.apply(rpcLimits, to: &scratch, source: source)
    }

    /// The RPC server's configuration these settings describe.
    public func serverConfiguration(version: String) throws -> ServerConfiguration {
        var configuration = ServerConfiguration(
            host: listen.host, port: listen.port, tls: tls, serverName: kind.rawValue, version: version)
        configuration.drainTimeout = .seconds(Int64(drainSeconds))
        try ServerLimit.apply(rpcLimits, to: &configuration, source: "rpc")
        return configuration
    }

    mutating func apply(_ options: ServiceOptions) throws {
        if let listen = options.listen { self.listen = try parseEndpoint(listen, flag: "--listen") }
        if let metrics = options.metrics { self.metrics = metrics == "off" ? nil : try parseEndpoint(metrics, flag: "--metrics") }
        if let data = options.data { dataDirectory = data }
        if options.tls != nil || options.identity != nil {
            let directory = options.tls ?? URL(fileURLWithPath: tls.trustRoots).deletingLastPathComponent().path
            let revoked = tls.revokedSerials
            tls = TLSFiles(directory: directory, identity: options.identity ?? kind.rawValue)
            tls.revokedSerials = revoked
        }
        if let revoked = options.revokedSerials { tls.revokedSerials = revoked }
        for text in options.peer {
            let (peer, endpoints) = try parsePeer(text)
            peers[peer] = endpoints
        }
        if let database = options.database { self.database = database }
        if let level = options.logLevel { logLevel = try Self.level(level, flag: "--log-level") }
        for text in options.rpcLimit {
            let (name, value) = try ServerLimit.parse(text)
            rpcLimits[name] = value
        }
        try checkRPCLimits(source: "--rpc-limit")
        for text in options.storeSetting {
            let (name, value) = try StoreSetting.parse(text, flag: "--store-setting", example: "sqlite_readers=8")
            storeSettings[name] = value
        }
        try checkStoreSettings(source: "--store-setting")
    }

    static func level(_ text: String, flag: String) throws -> Logger.Level {
        guard let level = Logger.Level(rawValue: text.lowercased()) else {
            throw ConfigurationError("\(flag): unknown level '\(text)' (trace, debug, info, notice, warning, error, critical)")
        }
        return level
    }

    /// The service's own section of the config file — the key named after the service, e.g.
    /// `registry:` — decoded as `T`; nil when there is none.
    public func section<T: Decodable>(_ type: T.Type) throws -> T? {
        guard let fileText else { return nil }
        do {
            return try YAMLDecoder().decode(SectionWrapper<T>.self, from: fileText, userInfo: [.serviceSection: kind.rawValue]).value
        } catch {
            throw ConfigurationError("config section '\(kind.rawValue)': \(error)")
        }
    }

    /// The endpoints of a peer service: as configured, else that service's default port on
    /// this machine (127.0.0.1:7101 for the registry…), so a service starts with the plain
    /// command-line contract and its calls to a missing peer fail as UNAVAILABLE, not its start.
    public func peer(_ kind: ServiceKind) -> [Endpoint] {
        if let endpoints = peers[kind], !endpoints.isEmpty { return endpoints }
        return [Endpoint(host: "127.0.0.1", port: kind.defaultPort)]
    }
}

/// The YAML config file. Every key is optional; see `deploy/config/` for an example of each service.
struct ServiceFile: Decodable {
    struct TLS: Decodable {
        var directory: String?
        var identity: String?
        var certificate: String?
        var key: String?
        var ca: String?
        /// A file of revoked certificate serials, read again on SIGHUP (Sources/RPC/TLS/RevokedSerials.swift).
        var revokedSerials: String?

        enum CodingKeys: String, CodingKey {
            case directory, identity, certificate, key, ca
            case revokedSerials = "revoked_serials"
        }
    }

    var listen: String?
    var metrics: String?
    var data: String?
    var tls: TLS?
    var peers: [String: String]?
    var database: String?
    var logLevel: String?
    var drainSeconds: Int?
    var echoService: Bool?
    var http: HTTP?
    /// `rpc:`, the RPC server's limits by ``ServerLimit`` name.
    var rpc: [String: Int]?
    /// `store:`, the store's tuning by ``StoreSetting`` name.
    var store: [String: Int]?
    /// `tracing:`, where spans go (``TracingSettings``).
    var tracing: TracingFile?

    /// `http:`, limits for every HTTP port of the service (see ``HTTPServerLimits``).
    struct HTTP: Decodable {
        var maximumConnections: Int?
        var requestTimeoutSeconds: Int?
        var keepAliveSeconds: Int?
        var maximumRequestHeadBytes: Int?

        enum CodingKeys: String, CodingKey {
            case maximumConnections = "max_connections"
            case requestTimeoutSeconds = "request_timeout_s"
            case keepAliveSeconds = "keep_alive_s"
            case maximumRequestHeadBytes = "max_request_head_bytes"
        }

        func apply(to limits: inout HTTPServerLimits, file: String) throws {
            func positive(_ value: Int?, _ key: String) throws -> Int? {
                guard let value else { return nil }
                guard value > 0 else { throw ConfigurationError("\(file): http.\(key) must be positive, got \(value)") }
                return value
            }
            if let value = try positive(maximumConnections, CodingKeys.maximumConnections.rawValue) { limits.maximumConnections = value }
            if let value = try positive(requestTimeoutSeconds, CodingKeys.requestTimeoutSeconds.rawValue) { limits.requestTimeout = .seconds(value) }
            if let value = try positive(keepAliveSeconds, CodingKeys.keepAliveSeconds.rawValue) { limits.keepAliveTimeout = .seconds(value) }
            if let value = try positive(maximumRequestHeadBytes, CodingKeys.maximumRequestHeadBytes.rawValue) {
                // Below a request line and a Host header nothing could be served at all.
                guard value >= 1024 else { throw ConfigurationError("\(file): http.max_request_head_bytes must be at least 1024, got \(value)") }
                limits.maximumRequestHeadBytes = value
            }
        }
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case listen, metrics, data, tls, peers, database, http, rpc, store, tracing
        case logLevel = "log_level"
        case drainSeconds = "drain_seconds"
        case echoService = "echo_service"
    }

    static func load(_ path: String, serviceSection: String) throws -> (ServiceFile, String) {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationError("--config: cannot read \(path)")
        }
        // A misspelt key would otherwise be ignored silently and its default used.
        if let top = try? Yams.load(yaml: text) as? [String: Any] {
            let known = Set(CodingKeys.allCases.map(\.rawValue) + [serviceSection])
            let unknown = top.keys.filter { !known.contains($0) }.sorted()
            guard unknown.isEmpty else {
                throw ConfigurationError("--config \(path): unknown key(s) \(unknown.joined(separator: ", ")); known: \(known.sorted().joined(separator: ", "))")
            }
        }
        do {
            return (try YAMLDecoder().decode(ServiceFile.self, from: text), text)
        } catch {
            throw ConfigurationError("--config \(path): \(error)")
        }
    }
}

/// Decodes one top-level key, named in the decoder's user info, as `T`.
private struct SectionWrapper<T: Decodable>: Decodable {
    let value: T?
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        value = try container.decodeIfPresent(T.self, forKey: AnyKey(decoder.userInfo[.serviceSection] as! String))
    }
}

private struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

extension CodingUserInfoKey {
    fileprivate static let serviceSection = CodingUserInfoKey(rawValue: "jcskills.serviceSection")!
}
