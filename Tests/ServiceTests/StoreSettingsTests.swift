import Foundation
import JCSkillsServiceKit
import JCSkillsStore
import Testing

@Suite("The store's settings from the config file and the flags")
struct StoreSettingsTests {
    private func configFile(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("store-settings-\(UUID().uuidString).yaml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    private func configured(_ settings: ServiceSettings) throws -> StoreConfiguration {
        var configuration = StoreConfiguration(service: settings.kind.rawValue, location: .sqlite(path: "unused"))
        try StoreSetting.apply(settings.storeSettings, to: &configuration, source: "test")
        return configuration
    }

    /// The example files list every setting with its default, so they must not drift from the code.
    @Test(arguments: ServiceKind.allCases)
    func shippedConfigFilesStateTheDefaults(kind: ServiceKind) throws {
        let path = ServiceSettingsTests.configDirectory.appendingPathComponent("\(kind.rawValue).yaml").path
        let settings = try ServiceSettings.resolve(kind: kind, options: try ServiceOptions.parse(["--config", path]))
        #expect(Set(settings.storeSettings.keys) == Set(StoreSetting.all.map(\.name)))
        let plain = StoreConfiguration(service: kind.rawValue, location: .sqlite(path: "unused"))
        let fromFile = try configured(settings)
        for setting in StoreSetting.all {
            #expect(setting.current(fromFile) == setting.current(plain), "\(setting.name) in \(kind.rawValue).yaml")
        }
    }

    @Test func theFileSetsThemAndFlagsOverrideIt() throws {
        let path = try configFile("""
            store:
              postgres_connections_per_loop: 12
              postgres_prepared_reads: 0
              postgres_prepared_inserts: 0
              sqlite_readers: 6
            """)
        let options = try ServiceOptions.parse(["--config", path, "--store-setting", "sqlite_readers=8",
                                                "--store-setting", "sqlite_writer_cache_mib=256"])
        let configuration = try configured(try ServiceSettings.resolve(kind: .registry, options: options))
        #expect(configuration.postgresConnectionsPerEventLoop == 12)
        #expect(configuration.postgresPreparedReads == false)
        #expect(configuration.postgresPreparedInserts == false)
        #expect(configuration.sqliteReaders == 8)
        #expect(configuration.sqliteWriterCacheMiB == 256)
        #expect(configuration.sqliteReaderCacheMiB == StoreConfiguration(service: "x", location: .sqlite(path: "x")).sqliteReaderCacheMiB)
    }

    /// Zero turns the gathering of reads by key off; every other count starts at one.
    @Test func keyedReadRunsTakeZeroForOff() throws {
        let options = try ServiceOptions.parse(["--store-setting", "postgres_keyed_read_runs=0"])
        #expect(try configured(try ServiceSettings.resolve(kind: .registry, options: options)).postgresKeyedReadRuns == 0)
    }

    @Test func unknownNamesAndValuesOutOfRangeAreRefusedAtStart() throws {
        for flag in ["sqlite_reader=4", "sqlite_readers=0", "postgres_prepared_reads=2", "group_commit=-1", "sqlite_readers",
                     "postgres_keyed_read_runs=-1"] {
            #expect(throws: ConfigurationError.self, "\(flag)") {
                try ServiceSettings.resolve(kind: .registry, options: try ServiceOptions.parse(["--store-setting", flag]))
            }
        }
        let path = try configFile("store:\n  sqlite_cache: 30\n")
        #expect(throws: ConfigurationError.self) {
            try ServiceSettings.resolve(kind: .registry, options: try ServiceOptions.parse(["--config", path]))
        }
    }
}
