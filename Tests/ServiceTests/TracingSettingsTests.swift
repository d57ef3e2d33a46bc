import Foundation
import JCSkillsServiceKit
import Testing

@Suite("Service settings: tracing is off unless an OTLP endpoint is named")
struct TracingSettingsTests {
    func resolve(file: String? = nil, environment: [String: String]) throws -> TracingSettings {
        var arguments: [String] = []
        var written: URL?
        if let file {
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("tracing-\(UUID().uuidString).yaml")
            try file.write(to: url, atomically: true, encoding: .utf8)
            arguments = ["--config", url.path]
            written = url
        }
        defer { written.map { try? FileManager.default.removeItem(at: $0) } }
        return try ServiceSettings.resolve(kind: .gateway, options: try ServiceOptions.parse(arguments), environment: environment).tracing
    }

    @Test func offByDefault() throws {
        let settings = try resolve(environment: [:])
        #expect(!settings.isEnabled && settings.otlpEndpoint == nil)
        #expect(try resolve(file: "log_level: info\n", environment: ["OTEL_EXPORTER_OTLP_ENDPOINT": ""]).otlpEndpoint == nil)
    }

    @Test func theFileNamesTheEndpoint() throws {
        let settings = try resolve(file: "tracing:\n  otlp_endpoint: http://127.0.0.1:4318\n", environment: [:])
        #expect(settings.otlpEndpoint == "http://127.0.0.1:4318")
        #expect(settings.isEnabled)
    }

    @Test func openTelemetrysVariablesNameItWhenTheFileDoesNot() throws {
        #expect(try resolve(environment: ["OTEL_EXPORTER_OTLP_ENDPOINT": "http://collector:4318"]).otlpEndpoint == "http://collector:4318")
        #expect(try resolve(environment: [
            "OTEL_EXPORTER_OTLP_ENDPOINT": "http://collector:4318",
            "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT": "http://traces:4318/v1/traces",
        ]).otlpEndpoint == "http://traces:4318/v1/traces")
        let file = "tracing:\n  otlp_endpoint: http://127.0.0.1:4318\n"
        #expect(try resolve(file: file, environment: ["OTEL_EXPORTER_OTLP_ENDPOINT": "http://collector:4318"]).otlpEndpoint == "http://127.0.0.1:4318")
    }

    @Test func otelSDKDisabledTurnsItOff() throws {
        let file = "tracing:\n  otlp_endpoint: http://127.0.0.1:4318\n"
        #expect(try resolve(file: file, environment: ["OTEL_SDK_DISABLED": "TRUE"]).otlpEndpoint == nil)
        #expect(try resolve(file: file, environment: ["OTEL_SDK_DISABLED": "false"]).otlpEndpoint != nil)
    }

    @Test func aMisspeltKeyOrAWrongShapeIsRefused() throws {
        #expect(throws: (any Error).self) { try resolve(file: "tracing:\n  otlp_endpont: http://127.0.0.1:4318\n", environment: [:]) }
        #expect(throws: (any Error).self) { try resolve(file: "tracing: yes\n", environment: [:]) }
    }
}
