/// The store's own tables, migrated like a service's under the owner name ``owner``.
///
/// All of them start with `jcs_`; services must not use that prefix.
enum StoreSchema {
    /// The name the store's own migrations are recorded under in `jcs_migrations`.
    static let owner = "jcskills-store"

    /// The ledger of applied migrations. Created outside the migration list because the list
    /// is read from it.
    static func migrationsTable(_ d: StoreDialect) -> String {
        """
        CREATE TABLE IF NOT EXISTS jcs_migrations (
            service TEXT NOT NULL,
            version \(d.bigint) NOT NULL,
            name TEXT NOT NULL,
            applied_ms \(d.bigint) NOT NULL,
            PRIMARY KEY (service, version))
        """
    }

    static let migrations: [Migration] = [
        Migration(1, "audit log", statements: auditLog),
        Migration(2, "idempotency keys", statements: idempotency),
        Migration(3, "settings", sql: """
            CREATE TABLE jcs_settings (
                service TEXT NOT NULL,
                name TEXT NOT NULL,
                value TEXT NOT NULL,
                PRIMARY KEY (service, name))
            """),
    ]

    /// The audit log, its retention policy, and the triggers that make it append-only.
    ///
    /// UPDATE is refused outright. DELETE is refused for every row younger than the retention
    /// period recorded in `jcs_audit_policy`; the maintenance purge deletes only older rows, with
    /// the same cut-off computed from the database's own clock, so the trigger lets exactly those
    /// through. Nothing short of dropping the trigger (a schema change an operator would have to
    /// make deliberately) removes a row that is still within retention.
    private static func auditLog(_ d: StoreDialect) -> [String] {
        var statements = [
            """
            CREATE TABLE jcs_audit_log (
                id \(d.autoIncrementPrimaryKey),
                at_ms \(d.bigint) NOT NULL,
                service TEXT NOT NULL,
                principal TEXT NOT NULL,
                method TEXT NOT NULL,
                request_id TEXT NOT NULL,
                entity TEXT,
                entity_id TEXT,
                outcome TEXT NOT NULL,
                detail TEXT)
            """,
            "CREATE INDEX jcs_audit_log_time ON jcs_audit_log (service, at_ms)",
            "CREATE INDEX jcs_audit_log_principal ON jcs_audit_log (service, principal, id)",
            "CREATE INDEX jcs_audit_log_entity ON jcs_audit_log (service, entity, entity_id, id)",
            "CREATE INDEX jcs_audit_log_method ON jcs_audit_log (service, method, id)",
            """
            CREATE TABLE jcs_audit_policy (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                retention_days INTEGER NOT NULL CHECK (retention_days >= 1))
            """,
            "INSERT INTO jcs_audit_policy (id, retention_days) VALUES (1, 365)",
        ]
        let horizon = retentionHorizon(d)
        switch d {
        case .sqlite:
            statements += [
                """
                CREATE TRIGGER jcs_audit_log_no_update BEFORE UPDATE ON jcs_audit_log
                BEGIN SELECT RAISE(ABORT, 'jcs_audit_log is append-only: UPDATE refused'); END
                """,
                """
                CREATE TRIGGER jcs_audit_log_retention BEFORE DELETE ON jcs_audit_log
                WHEN OLD.at_ms >= \(horizon)
                BEGIN SELECT RAISE(ABORT, 'jcs_audit_log is append-only: rows within the retention period cannot be deleted'); END
                """,
            ]
        case .postgres:
            statements += [
                """
                CREATE OR REPLACE FUNCTION jcs_audit_log_guard() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'DELETE' THEN
                        IF OLD.at_ms < \(horizon) THEN
                            RETURN OLD;
                        END IF;
                        RAISE EXCEPTION 'jcs_audit_log is append-only: rows within the retention period cannot be deleted'
                            USING ERRCODE = 'restrict_violation';
                    END IF;
                    RAISE EXCEPTION 'jcs_audit_log is append-only: % refused', TG_OP
                        USING ERRCODE = 'restrict_violation';
                END
                $$
                """,
                """
                CREATE TRIGGER jcs_audit_log_guard BEFORE UPDATE OR DELETE ON jcs_audit_log
                FOR EACH ROW EXECUTE FUNCTION jcs_audit_log_guard()
                """,
                """
                CREATE TRIGGER jcs_audit_log_no_truncate BEFORE TRUNCATE ON jcs_audit_log
                FOR EACH STATEMENT EXECUTE FUNCTION jcs_audit_log_guard()
                """,
            ]
        }
        return statements
    }

    /// SQL for "the oldest time still within retention", in Unix milliseconds, by the database's
    /// clock. The DELETE trigger and the purge must use this same expression.
    static func retentionHorizon(_ d: StoreDialect) -> String {
        // The multiplier is a 64-bit integer: 365 days in milliseconds overflow PostgreSQL's INTEGER.
        "\(d.nowMilliseconds) - (SELECT retention_days FROM jcs_audit_policy WHERE id = 1) * CAST(86400000 AS \(d.bigint))"
    }

    /// Remembered results of idempotent writes, keyed per service and principal so one
    /// client can neither collide with nor replay another's result.
    private static func idempotency(_ d: StoreDialect) -> [String] {
        [
            """
            CREATE TABLE jcs_idempotency (
                service TEXT NOT NULL,
                principal TEXT NOT NULL,
                idem_key TEXT NOT NULL,
                method TEXT NOT NULL,
                request_digest \(d.bytes) NOT NULL,
                response \(d.bytes),
                response_sealed \(d.boolean) NOT NULL DEFAULT FALSE,
                created_ms \(d.bigint) NOT NULL,
                expires_ms \(d.bigint) NOT NULL,
                PRIMARY KEY (service, principal, idem_key))
            """,
            "CREATE INDEX jcs_idempotency_expiry ON jcs_idempotency (expires_ms)",
        ]
    }
}
