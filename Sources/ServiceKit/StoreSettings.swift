import JCSkillsStore

/// The store's tuning by the names the config file's `store:` section and the
/// `--store-setting NAME=VALUE` flag use. Each name sets one field of ``StoreConfiguration``,
/// whose documentation gives the default and why; what is not named keeps it.
public typealias StoreSetting = NamedSetting<StoreConfiguration>

extension NamedSetting where Target == StoreConfiguration {
    public static var all: [StoreSetting] {
        [
            .number("postgres_connections_per_loop", unit: "connections", \.postgresConnectionsPerEventLoop),
            .flag("postgres_prepared_reads", \.postgresPreparedReads),
            .flag("postgres_prepared_inserts", \.postgresPreparedInserts),
            .flag("postgres_generic_plans", \.postgresGenericPlans),
            .number("postgres_write_lanes", unit: "lanes", \.postgresWriteLanes),
            .flag("postgres_shared_reads", \.postgresSharedReads),
            .number("postgres_keyed_read_runs", unit: "statements (0: a statement a read)", range: 0...Int.max, \.postgresKeyedReadRuns),
            .flag("group_commit", \.groupCommit),
            .number("group_commit_limit", unit: "writes", \.groupCommitLimit),
            .number("sqlite_readers", unit: "connections", \.sqliteReaders),
            .number("sqlite_reader_cache_mib", unit: "MiB", \.sqliteReaderCacheMiB),
            .number("sqlite_writer_cache_mib", unit: "MiB", \.sqliteWriterCacheMiB),
        ]
    }

    /// Sets the named settings on `configuration`; an unknown name or a value out of range is an error.
    public static func apply(_ values: [String: Int], to configuration: inout StoreConfiguration, source: String) throws {
        try apply(values, from: all, to: &configuration, source: source)
    }
}
