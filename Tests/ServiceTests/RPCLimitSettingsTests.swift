import Foundation
import JCSkillsRPC
import JCSkillsServiceKit
import NIOCore
import Testing

@Suite("The RPC server's limits from the config file and the flags")
struct RPCLimitSettingsTests {
    private func configFile(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rpc-limits-\(UUID().uuidString).yaml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func defaultsAreTheServerConfigurationDefaults() throws {
        let settings = try ServiceSettings.resolve(kind: .registry, options: try ServiceOptions.parse([]))
        let configuration = try settings.serverConfiguration(version: "test")
        let plain = ServerConfiguration(port: 0, tls: settings.tls, serverName: "registry")
        #expect(configuration.maximumConnections == plain.maximumConnections)
        #expect(configuration.maximumBufferedBytes == plain.maximumBufferedBytes)
        #expect(configuration.requestTimeout == plain.requestTimeout)
    }

    /// The example files list every limit with its default, so they must not drift from the code.
    @Test(arguments: ServiceKind.allCases)
    func shippedConfigFilesStateTheDefaults(kind: ServiceKind) throws {
        let path = ServiceSettingsTests.configDirectory.appendingPathComponent("\(kind.rawValue).yaml").path
        let settings = try ServiceSettings.resolve(kind: kind, options: try ServiceOptions.parse(["--config", path]))
        #expect(Set(settings.rpcLimits.keys) == Set(ServerLimit.all.map(\.name)))
        let configured = try settings.serverConfiguration(version: "test")
        let plain = ServerConfiguration(port: 0, tls: settings.tls, serverName: kind.rawValue)
        for limit in ServerLimit.all {
            #expect(limit.current(configured) == limit.current(plain), "\(limit.name) in \(kind.rawValue).yaml")
        }
    }

    @Test func theFileSetsThemAndFlagsOverrideIt() throws {
        let path = try configFile("""
            rpc:
              max_connections: 200
              max_buffered_bytes: 67108864
              call_idle_timeout_s: 120
            """)
        let options = try ServiceOptions.parse(["--config", path, "--rpc-limit", "max_connections=50", "--rpc-limit", "request_timeout_s=5"])
        let configuration = try ServiceSettings.resolve(kind: .evaluation, options: options).serverConfiguration(version: "test")
        #expect(configuration.maximumConnections == 50)
        #expect(configuration.maximumBufferedBytes == 64 << 20)
        #expect(configuration.callIdleTimeout == .seconds(120))
        #expect(configuration.requestTimeout == .seconds(5))
    }

    @Test func unknownNamesAndNonsenseValuesAreRefusedAtStart() throws {
        #expect(throws: ConfigurationError.self) {
            try ServiceSettings.resolve(kind: .registry, options: try ServiceOptions.parse(["--rpc-limit", "max_conections=5"]))
        }
        #expect(throws: ConfigurationError.self) {
            try ServiceSettings.resolve(kind: .registry, options: try ServiceOptions.parse(["--rpc-limit", "max_calls=0"]))
        }
        #expect(throws: ConfigurationError.self) {
            try ServiceSettings.resolve(kind: .registry, options: try ServiceOptions.parse(["--rpc-limit", "max_calls"]))
        }
        let path = try configFile("rpc:\n  idle_timeout: 30\n")
        #expect(throws: ConfigurationError.self) {
            try ServiceSettings.resolve(kind: .registry, options: try ServiceOptions.parse(["--config", path]))
        }
    }
}
