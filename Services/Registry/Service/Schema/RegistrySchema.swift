import JCSkillsStore
import SQLKit

/// The registry's tables. Personal data (ID number, name, phone) is only ever stored sealed,
/// with a keyed blind index for look-up and de-duplication; nothing stored in clear lets the
/// ID number be rebuilt (no birth date or masked form is kept).
enum RegistrySchema {
    /// The columns sealed with the service's keys (``SealingKeyUpkeep`` seals them again after a rotation).
    static let sealedTables = [
        SealedTable("persons", key: "id", [.init("id_sealed", .idNumber), .init("name_sealed", .name), .init("phone_sealed", .phone)]),
    ]

    static let migrations: [Migration] = [
        Migration(1, "persons, history, counters, enterprises, demand") { d in [
            """
            CREATE TABLE persons (
                id \(d.autoIncrementPrimaryKey),
                card_number TEXT NOT NULL UNIQUE,
                id_index \(d.bytes) NOT NULL UNIQUE,
                id_sealed \(d.bytes) NOT NULL,
                name_sealed \(d.bytes) NOT NULL,
                phone_sealed \(d.bytes) NOT NULL,
                residence_county INTEGER NOT NULL,
                status INTEGER NOT NULL,
                details \(d.bytes) NOT NULL,
                version BIGINT NOT NULL,
                updated_ms BIGINT NOT NULL)
            """,
            "CREATE INDEX persons_county ON persons (residence_county, id)",
            """
            CREATE TABLE person_history (
                id \(d.autoIncrementPrimaryKey),
                person_id BIGINT NOT NULL,
                at_ms BIGINT NOT NULL,
                principal TEXT NOT NULL,
                request_id TEXT NOT NULL,
                field TEXT NOT NULL,
                old_value TEXT NOT NULL,
                new_value TEXT NOT NULL,
                reason TEXT NOT NULL)
            """,
            "CREATE INDEX person_history_person ON person_history (person_id, id)",
            // Active persons per analysis cell, kept up to date by every write.
            """
            CREATE TABLE registration_counts (
                county INTEGER NOT NULL, category INTEGER NOT NULL, gender INTEGER NOT NULL,
                age_band INTEGER NOT NULL, employment INTEGER NOT NULL, count BIGINT NOT NULL,
                PRIMARY KEY (county, category, gender, age_band, employment))
            """,
            "CREATE TABLE daily_registrations (day INTEGER NOT NULL PRIMARY KEY, count BIGINT NOT NULL)",
            """
            CREATE TABLE occupation_counts (
                occupation TEXT NOT NULL PRIMARY KEY, working BIGINT NOT NULL, wishing BIGINT NOT NULL)
            """,
            "CREATE TABLE card_sequence (id INTEGER NOT NULL PRIMARY KEY, next_value BIGINT NOT NULL)",
            "INSERT INTO card_sequence (id, next_value) VALUES (1, 0)",
            """
            CREATE TABLE enterprises (
                credit_code TEXT NOT NULL PRIMARY KEY,
                name TEXT NOT NULL,
                county INTEGER NOT NULL,
                industry TEXT NOT NULL,
                staff_count BIGINT NOT NULL,
                above_size INTEGER NOT NULL,
                check_valid INTEGER NOT NULL,
                updated_ms BIGINT NOT NULL)
            """,
            """
            CREATE TABLE demand (
                credit_code TEXT NOT NULL, occupation TEXT NOT NULL, level INTEGER NOT NULL,
                year INTEGER NOT NULL, headcount BIGINT NOT NULL,
                PRIMARY KEY (credit_code, occupation, level, year))
            """,
        ] },
        // Registered persons per county and day (``RegisteredDays``): the figure on any date,
        // for every county, from one definition. Persons registered before it are filled in
        // from their registration dates and histories.
        Migration(2, "registered persons per county and day") { db, dialect in
            try await db.execute(sql: SQLRaw("""
                CREATE TABLE registered_days (
                    county INTEGER NOT NULL, day INTEGER NOT NULL, delta BIGINT NOT NULL,
                    PRIMARY KEY (county, day))\(dialect.clusteredByPrimaryKey)
                """)) { _ in }
            try await RegisteredDays.rebuild(db, monthly: false)
        },
        // The labour-force rule the figures were counted under and the day the age bands were
        // last worked out (``LabourForceAging``). No rule yet: at the next start the service
        // recounts `registered_days` with each span ending when its person ages out.
        Migration(3, "labour-force ages kept with the data") { d in [
            "CREATE TABLE labour_force_aging (id INTEGER NOT NULL PRIMARY KEY, rule TEXT NOT NULL, banded_on INTEGER NOT NULL)",
            "INSERT INTO labour_force_aging (id, rule, banded_on) VALUES (1, '', 0)",
        ] },
        EnterpriseHistory.migration,
        // The city's rows of `registered_days` (``RegisteredDays/city``), summed from the counties'
        // (none to add where migration 2 ran with this version: its rebuild wrote them).
        Migration(5, "the city's registered persons per day") { d in [
            """
            INSERT INTO registered_days (county, day, delta) SELECT 0, day, SUM(delta) FROM registered_days
            WHERE county <> 0 AND NOT EXISTS (SELECT 1 FROM registered_days WHERE county = 0) GROUP BY day
            """,
        ] },
        // What the gateway's Totals read thousands of times a second, kept so that each call
        // reads a few dozen rows: the registered persons per month (``RegisteredDays``; the
        // city's rows move there from `registered_days`) and per county (beside the cells).
        Migration(6, "registered persons per month and per county") { d in [
            """
            CREATE TABLE registered_months (
                county INTEGER NOT NULL, month INTEGER NOT NULL, delta BIGINT NOT NULL,
                PRIMARY KEY (county, month))\(d.clusteredByPrimaryKey)
            """,
            "INSERT INTO registered_months (county, month, delta) SELECT county, day / 100, SUM(delta) FROM registered_days GROUP BY county, day / 100",
            "DELETE FROM registered_days WHERE county = 0",
            "CREATE TABLE registration_totals (county INTEGER NOT NULL PRIMARY KEY, count BIGINT NOT NULL)",
            "INSERT INTO registration_totals (county, count) SELECT county, SUM(count) FROM registration_counts GROUP BY county",
        ] },
        TrainingModes.migration,
        // The data-quality view's figures (docs/QUALITY.md): each import's rows by county and
        // rejection reason, and the persons past age or without a phone, counted from the rows
        // already stored.
        PersonQualityCounts.migration,
        CardNumbers.migration,
        IDNumberIndex.migration,
        // The gateway's `Totals` sum `delta` over a range of these tables' keys thousands of
        // times a second. On PostgreSQL, with the delta in an index, the sums never visit the
        // table (the city's figure for a day: 0.55 → 0.19 ms, BENCHMARKS.md note 25); SQLite's
        // tables are clustered by their keys, the delta in the same B-tree, already.
        Migration(11, "covering indexes for the registered persons' sums") { d in d != .postgres ? [] : [
            "CREATE INDEX IF NOT EXISTS registered_days_sum ON registered_days (county, day, delta)",
            "CREATE INDEX IF NOT EXISTS registered_months_sum ON registered_months (county, month, delta)",
        ] },
    ]
}
