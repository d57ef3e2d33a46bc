import Foundation
import JCSkillsRPC
import JCSkillsServiceKit
import Testing

@Suite("Service settings: defaults, config file, flags")
struct ServiceSettingsTests {
    static let configDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("deploy/config")

    @Test(arguments: ServiceKind.allCases)
    func shippedConfigFilesLoad(kind: ServiceKind) throws {
        let path = Self.configDirectory.appendingPathComponent("\(kind.rawValue).yaml").path
        let settings = try ServiceSettings.resolve(kind: kind, options: try ServiceOptions.parse(["--config", path]))
        #expect(settings.listen.port == kind.defaultPort)
        #expect(settings.listen.host == "0.0.0.0")
        #expect(settings.metrics?.port == kind.defaultMetricsPort)
        #expect(settings.tls.certificateChain == "/etc/jcskills/pki/\(kind.rawValue).crt")
        #expect(settings.httpLimits == HTTPServerLimits())
        if kind == .gateway {
            #expect(settings.peers[.registry]?.count == 2)
            #expect(settings.peers[.competition]?.first?.port == 7104)
        }
    }

    @Test func aServiceReadsItsOwnSection() throws {
        struct RegistrySection: Decodable {
            var labour_force: [String: UInt64]
            var key_groups: [Int32]
        }
        let path = Self.configDirectory.appendingPathComponent("registry.yaml").path
        let settings = try ServiceSettings.resolve(kind: .registry, options: try ServiceOptions.parse(["--config", path]))
        let section = try #require(try settings.section(RegistrySection.self))
        #expect(section.labour_force["140525"] == 400_000)
        #expect(section.key_groups == Array(1...10))  // the plan's ten
        // A service whose file has no section of its own gets none.
        let competition = Self.configDirectory.appendingPathComponent("competition.yaml").path
        let other = try ServiceSettings.resolve(kind: .competition, options: try ServiceOptions.parse(["--config", competition]))
        #expect(try other.section(RegistrySection.self) == nil)
        // The training office's section.
        struct TrainingSection: Decodable { var subsidised_courses_per_year: Int }
        let training = Self.configDirectory.appendingPathComponent("training.yaml").path
        let trainingSettings = try ServiceSettings.resolve(kind: .training, options: try ServiceOptions.parse(["--config", training]))
        #expect(try trainingSettings.section(TrainingSection.self)?.subsidised_courses_per_year == 3)
    }

    @Test func defaultsFollowTheCommandLineContract() throws {
        let settings = try ServiceSettings.resolve(kind: .evaluation, options: try ServiceOptions.parse([]), environment: [:])
        #expect(settings.listen.description == "127.0.0.1:7103")
        #expect(settings.metrics?.description == "127.0.0.1:9103")
        #expect(settings.tls.trustRoots.hasSuffix(".jcskills/pki/ca.crt"))
        #expect(settings.database == nil)
        // A peer nobody named is looked for on its own default port on this machine.
        #expect(settings.peer(.registry) == [Endpoint(host: "127.0.0.1", port: 7101)])
    }

    /// The database URL carries a password: the environment names it so that it stays out of the
    /// command line; the flag still wins, and an empty variable counts as unset.
    @Test func theDatabaseComesFromTheEnvironmentUnlessAFlagNamesIt() throws {
        let url = "postgres://jcskills:secret@db.example:5432/jcskills_registry"
        let variable = ServiceSettings.databaseVariable
        #expect(try ServiceSettings.resolve(kind: .registry, options: try ServiceOptions.parse([]), environment: [variable: url]).database == url)
        let flag = "postgres://other@127.0.0.1:5432/x"
        let both = try ServiceSettings.resolve(kind: .registry, options: try ServiceOptions.parse(["--database", flag]), environment: [variable: url])
        #expect(both.database == flag)
        #expect(try ServiceSettings.resolve(kind: .registry, options: try ServiceOptions.parse([]), environment: [variable: ""]).database == nil)
    }

    @Test func flagsOverrideTheFile() throws {
        let path = Self.configDirectory.appendingPathComponent("training.yaml").path
        let options = try ServiceOptions.parse([
            "--config", path, "--listen", "127.0.0.1:17102", "--tls", "/tmp/pki", "--metrics", "off",
            "--peer", "registry=127.0.0.1:7001,127.0.0.1:7002",
        ])
        let settings = try ServiceSettings.resolve(kind: .training, options: options)
        #expect(settings.listen.port == 17102)
        #expect(settings.metrics == nil)
        #expect(settings.tls.privateKey == "/tmp/pki/training.key")
        #expect(settings.peers[.registry]?.map(\.port) == [7001, 7002])
        #expect(settings.peers[.evaluation]?.first?.port == 7103)
    }

    @Test func mistakesAreExplained() throws {
        #expect(throws: ConfigurationError.self) {
            try ServiceSettings.resolve(kind: .registry, options: try ServiceOptions.parse(["--listen", "7101"]))
        }
        #expect(throws: ConfigurationError.self) {
            try ServiceSettings.resolve(kind: .registry, options: try ServiceOptions.parse(["--peer", "payroll=127.0.0.1:1"]))
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cfg-\(UUID().uuidString).yaml").path
        try "listen: 127.0.0.1:7101\nlisten_adress: oops\n".write(toFile: directory, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let error = #expect(throws: ConfigurationError.self) {
            try ServiceSettings.resolve(kind: .registry, options: try ServiceOptions.parse(["--config", directory]))
        }
        #expect(error?.description.contains("listen_adress") == true)
        let settings = try ServiceSettings.resolve(kind: .registry, options: try ServiceOptions.parse(["--peer", "evaluation=[::1]:7103"]))
        #expect(settings.peers[.evaluation]?.first?.host == "::1")
    }

    @Test func theHTTPBlockSetsTheLimitsOfEveryHTTPPort() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cfg-\(UUID().uuidString).yaml").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try "http:\n  max_connections: 32\n  request_timeout_s: 2\n".write(toFile: path, atomically: true, encoding: .utf8)
        let settings = try ServiceSettings.resolve(kind: .gateway, options: try ServiceOptions.parse(["--config", path]))
        #expect(settings.httpLimits == HTTPServerLimits(maximumConnections: 32, requestTimeout: .seconds(2)))
        // Defaults are the safe ones; a zero would switch a limit off and is refused.
        #expect(ServiceSettings(kind: .gateway).httpLimits.maximumConnections == 256)
        try "http:\n  keep_alive_s: 0\n".write(toFile: path, atomically: true, encoding: .utf8)
        let error = #expect(throws: ConfigurationError.self) {
            try ServiceSettings.resolve(kind: .gateway, options: try ServiceOptions.parse(["--config", path]))
        }
        #expect(error?.description.contains("keep_alive_s") == true)
    }
}
