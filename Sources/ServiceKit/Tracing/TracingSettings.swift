/// Where a service sends its spans: nowhere unless an OTLP endpoint is named, in the config
/// file's `tracing:` section or in OpenTelemetry's standard environment variables.
public struct TracingSettings: Sendable, Equatable {
    /// The OTLP/HTTP collector's base URL, e.g. `http://127.0.0.1:4318`; spans go to
    /// `<endpoint>/v1/traces`. nil: no tracing, and no cost on any call.
    public var otlpEndpoint: String?

    public init(otlpEndpoint: String? = nil) {
        self.otlpEndpoint = otlpEndpoint
    }

    public var isEnabled: Bool { otlpEndpoint != nil }

    /// The variables OpenTelemetry's SDKs read for the same purpose; swift-otel applies the
    /// rest of them (`OTEL_SERVICE_NAME`, `OTEL_TRACES_SAMPLER`, …) itself.
    static let endpointVariables = ["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "OTEL_EXPORTER_OTLP_ENDPOINT"]

    /// The file's setting, else the environment's; nil (off) when `OTEL_SDK_DISABLED` is true,
    /// as OpenTelemetry specifies.
    static func resolve(file: String?, environment: [String: String]) -> TracingSettings {
        if environment["OTEL_SDK_DISABLED"]?.lowercased() == "true" { return TracingSettings() }
        if let file, !file.isEmpty { return TracingSettings(otlpEndpoint: file) }
        let fromEnvironment = endpointVariables.lazy.compactMap { environment[$0] }.first { !$0.isEmpty }
        return TracingSettings(otlpEndpoint: fromEnvironment)
    }
}

/// `tracing:` in a service's config file.
struct TracingFile: Decodable {
    var otlpEndpoint: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case otlpEndpoint = "otlp_endpoint"
    }

    // A misspelt key would leave tracing off without a word, as the file's top level refuses.
    init(from decoder: any Decoder) throws {
        let known = try decoder.container(keyedBy: AnyTracingKey.self)
        let unknown = known.allKeys.map(\.stringValue).filter { CodingKeys(rawValue: $0) == nil }.sorted()
        guard unknown.isEmpty else {
            throw ConfigurationError("tracing: unknown key(s) \(unknown.joined(separator: ", ")); known: \(CodingKeys.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        otlpEndpoint = try container.decodeIfPresent(String.self, forKey: .otlpEndpoint)
    }
}

private struct AnyTracingKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
