import JCSkillsStore

/// The data-quality figures' tables (docs/QUALITY.md), created by migration 8
/// (``PersonQualityCounts/migration``, which also counts the persons already stored).
enum QualityTables {
    static func statements(_ d: StoreDialect) -> [String] { [
        // Active persons past the labour-force age and without a phone, per counted county.
        """
        CREATE TABLE person_quality_counts (
            county INTEGER NOT NULL, measure TEXT NOT NULL, count BIGINT NOT NULL,
            PRIMARY KEY (county, measure))
        """,
        // One row per finished import; a retry under the same idempotency key finds its row
        // and adds nothing (``ImportRecords``). No key: NULL, and every call is its own import.
        """
        CREATE TABLE quality_imports (
            id \(d.autoIncrementPrimaryKey),
            kind TEXT NOT NULL,
            principal TEXT NOT NULL,
            idempotency_key TEXT,
            at_ms BIGINT NOT NULL,
            UNIQUE (principal, kind, idempotency_key))
        """,
        """
        CREATE TABLE quality_import_counties (
            import_id BIGINT NOT NULL, county INTEGER NOT NULL,
            received BIGINT NOT NULL, accepted BIGINT NOT NULL, already_registered BIGINT NOT NULL, rejected BIGINT NOT NULL,
            PRIMARY KEY (import_id, county))
        """,
        "CREATE INDEX quality_import_counties_county ON quality_import_counties (county, import_id)",
        """
        CREATE TABLE quality_rejections (
            import_id BIGINT NOT NULL, county INTEGER NOT NULL, reason TEXT NOT NULL, row_count BIGINT NOT NULL,
            PRIMARY KEY (import_id, county, reason))
        """,
        "CREATE INDEX quality_rejections_county ON quality_rejections (county, reason)",
    ] }
}
