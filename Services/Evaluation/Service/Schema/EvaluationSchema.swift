import JCSkillsStore
import SQLKit

/// The evaluation service's tables. Holder ID numbers and names are stored sealed; the keyed
/// blind index of the ID number identifies "the same person" for the distinct-person counts.
///
/// Dates are `yyyymmdd` integers; "no expiry" and "not ended" are the sentinel
/// ``EvaluationSchema/openEnded`` rather than NULL, so a certificate's validity is always the
/// interval [issued_on, min(expires_on, ended_on)).
enum EvaluationSchema {
    /// The columns sealed with the service's keys (``SealingKeyUpkeep`` seals them again after a rotation).
    static let sealedTables = [
        SealedTable("certificates", key: "id", [.init("holder_id_sealed", .idNumber), .init("holder_name_sealed", .name)]),
    ]

    static let openEnded: Int32 = 99_991_231

    static let migrations: [Migration] = [
        Migration(1, "institutions, scope, certificates, holders") { d in [
            """
            CREATE TABLE institutions (
                code TEXT NOT NULL PRIMARY KEY,
                name TEXT NOT NULL,
                type INTEGER NOT NULL,
                county INTEGER NOT NULL,
                status INTEGER NOT NULL,
                enterprise_code TEXT NOT NULL,
                updated_ms BIGINT NOT NULL)
            """,
            // Level 0 files an occupation for the kinds without levels.
            """
            CREATE TABLE institution_scope (
                code TEXT NOT NULL, occupation TEXT NOT NULL, level INTEGER NOT NULL,
                PRIMARY KEY (code, occupation, level))
            """,
            """
            CREATE TABLE certificates (
                id \(d.autoIncrementPrimaryKey),
                number TEXT NOT NULL UNIQUE,
                institution TEXT NOT NULL,
                kind INTEGER NOT NULL,
                occupation TEXT NOT NULL,
                level INTEGER NOT NULL,
                high_skill INTEGER NOT NULL,
                operation_code TEXT NOT NULL,
                holder_index \(d.bytes) NOT NULL,
                holder_id_sealed \(d.bytes) NOT NULL,
                holder_name_sealed \(d.bytes) NOT NULL,
                name_index \(d.bytes) NOT NULL,
                employer TEXT NOT NULL,
                county INTEGER NOT NULL,
                issued_on INTEGER NOT NULL,
                expires_on INTEGER NOT NULL,
                ended_on INTEGER NOT NULL,
                status INTEGER NOT NULL,
                updated_ms BIGINT NOT NULL)
            """,
            // A holder's certificates (supersession, first certificate).
            "CREATE INDEX certificates_holder ON certificates (holder_index, kind, occupation)",
            // One row per person who ever held an unrevoked certificate: their first one.
            """
            CREATE TABLE holders (
                holder_index \(d.bytes) NOT NULL PRIMARY KEY,
                first_issued_on INTEGER NOT NULL,
                first_county INTEGER NOT NULL)
            """,
            "CREATE INDEX holders_first ON holders (first_issued_on, first_county)",
            // Per scope (0 = city, else county) and measure (all holders / high-skill only): +1
            // on the day a person's coverage starts, −1 on the day it ends. A person's
            // certificates are merged into disjoint intervals first, so the running sum up to a
            // date is the number of distinct persons covered on that date.
            """
            CREATE TABLE coverage_deltas (
                scope INTEGER NOT NULL, high_skill INTEGER NOT NULL, day INTEGER NOT NULL, delta BIGINT NOT NULL,
                PRIMARY KEY (scope, high_skill, day))
            """,
            "CREATE TABLE certificate_sequence (id INTEGER NOT NULL PRIMARY KEY, next_value BIGINT NOT NULL)",
            "INSERT INTO certificate_sequence (id, next_value) VALUES (1, 0)",
        ] },
        Migration(2, "baseline stock, baseline claims, recognitions") { d in [
            // Imported historical certificates whose holder a declared baseline already counted.
            "ALTER TABLE certificates ADD COLUMN pre_system INTEGER NOT NULL DEFAULT 0",
            // The declared stock per county and highest level, and how many of those persons
            // have since been identified by an imported pre-system certificate.
            """
            CREATE TABLE baseline_stock (
                county INTEGER NOT NULL, level INTEGER NOT NULL, declared BIGINT NOT NULL, claimed BIGINT NOT NULL,
                as_of INTEGER NOT NULL, updated_ms BIGINT NOT NULL,
                PRIMARY KEY (county, level))
            """,
            // One row per identified baseline person: where the baseline counted them, so a
            // person takes one place out of it however many certificates they bring.
            """
            CREATE TABLE baseline_claims (
                holder_index \(d.bytes) NOT NULL PRIMARY KEY, county INTEGER NOT NULL, level INTEGER NOT NULL)
            """,
            // Mutual recognition recorded per certificate: a vocational-qualification
            // certificate's equivalent skill level, and the engineering title of levels 3–1.
            """
            CREATE TABLE recognitions (
                number TEXT NOT NULL PRIMARY KEY, holder_index \(d.bytes) NOT NULL,
                equivalent_kind INTEGER NOT NULL, equivalent_level INTEGER NOT NULL,
                engineering_title TEXT NOT NULL, recorded_ms BIGINT NOT NULL)
            """,
            "CREATE INDEX recognitions_holder ON recognitions (holder_index)",
        ] },
        // The same deltas summed per month: a count as of a date reads the months before it
        // here and only that month's days in coverage_deltas — a few hundred rows, not one per
        // day since the first certificate.
        Migration(3, "coverage deltas per month") { _ in [
            """
            CREATE TABLE coverage_monthly (
                scope INTEGER NOT NULL, high_skill INTEGER NOT NULL, month INTEGER NOT NULL, delta BIGINT NOT NULL,
                PRIMARY KEY (scope, high_skill, month))
            """,
            """
            INSERT INTO coverage_monthly (scope, high_skill, month, delta)
            SELECT scope, high_skill, day / 100, SUM(delta) FROM coverage_deltas GROUP BY scope, high_skill, day / 100
            """,
        ] },
        // The counts sum `delta` over a range of the primary key: with the delta in the index
        // the sum never visits the table (a third of the time per count, measured at 1 M
        // certificates).
        Migration(4, "covering indexes for the counts") { _ in [
            "CREATE INDEX coverage_monthly_sum ON coverage_monthly (scope, high_skill, month, delta)",
            "CREATE INDEX coverage_deltas_sum ON coverage_deltas (scope, high_skill, day, delta)",
        ] },
        // A person's recognitions are found through their certificates (`certificates_holder`)
        // and the recognition's certificate number: one random-keyed index fewer to write for
        // every imported certificate.
        Migration(5, "recognitions found through the certificates") { _ in [
            "DROP INDEX recognitions_holder",
        ] },
        // Holders and coverage deltas are written by key (a blind index, a day) and read by
        // key; on SQLite each was a table plus its key's index, and the deltas a third B-tree
        // for the covering sum. Clustered, one B-tree each: fewer pages written per imported
        // certificate. PostgreSQL keeps its heaps and indexes.
        //
        // Two more B-trees keyed at random per person go. A person's baseline claim is worked
        // out from their pre-system certificates when an import changes them
        // (``CertificateBatchWriter/claims(_:_:_:)``): no claims table. New skilled workers are
        // counted per day (``FirstCertificates``): no index on each holder's first date.
        Migration(6, "holders and coverage deltas clustered by their keys; claims from the certificates; first certificates per day") { d in
            let clustered = d != .sqlite ? ["DROP INDEX holders_first"] : rebuilt(
                "holders", "holder_index BLOB NOT NULL PRIMARY KEY, first_issued_on INTEGER NOT NULL, first_county INTEGER NOT NULL",
                columns: "holder_index, first_issued_on, first_county", dialect: d)
                + rebuilt("coverage_deltas", """
                    scope INTEGER NOT NULL, high_skill INTEGER NOT NULL, day INTEGER NOT NULL, delta BIGINT NOT NULL,
                    PRIMARY KEY (scope, high_skill, day)
                    """, columns: "scope, high_skill, day, delta", dialect: d)
                + rebuilt("coverage_monthly", """
                    scope INTEGER NOT NULL, high_skill INTEGER NOT NULL, month INTEGER NOT NULL, delta BIGINT NOT NULL,
                    PRIMARY KEY (scope, high_skill, month)
                    """, columns: "scope, high_skill, month, delta", dialect: d)
            return clustered + [
                "DROP TABLE baseline_claims",
                """
                CREATE TABLE first_certificates (
                    scope INTEGER NOT NULL, day INTEGER NOT NULL, persons BIGINT NOT NULL,
                    PRIMARY KEY (scope, day))\(d.clusteredByPrimaryKey)
                """,
                """
                INSERT INTO first_certificates (scope, day, persons)
                SELECT 0, first_issued_on, COUNT(*) FROM holders GROUP BY first_issued_on
                UNION ALL
                SELECT first_county, first_issued_on, COUNT(*) FROM holders GROUP BY first_county, first_issued_on
                """,
            ]
        },
        // The certificates' holder index keyed by a number per person in order of arrival
        // instead of the blind index (``HolderKey``). Every holder of a certificate now has a
        // `holders` row, also once all their certificates are revoked (their first date is
        // then ``openEnded``): the row carries the number their certificates are filed under.
        Migration(7, "certificates filed under a number per holder") { d in [
            "ALTER TABLE holders ADD COLUMN seq \(d.bigint) NOT NULL DEFAULT 0",
            """
            INSERT INTO holders (holder_index, first_issued_on, first_county, seq)
            SELECT DISTINCT holder_index, \(openEnded), 0, 0 FROM certificates c
            WHERE NOT EXISTS (SELECT 1 FROM holders h WHERE h.holder_index = c.holder_index)
            """,
            """
            UPDATE holders SET seq = r.n
            FROM (SELECT holder_index, ROW_NUMBER() OVER (ORDER BY holder_index) AS n FROM holders) AS r
            WHERE r.holder_index = holders.holder_index
            """,
            "ALTER TABLE certificates ADD COLUMN holder_seq \(d.bigint) NOT NULL DEFAULT 0",
            "UPDATE certificates SET holder_seq = h.seq FROM holders AS h WHERE h.holder_index = certificates.holder_index",
            "DROP INDEX certificates_holder",
            "CREATE INDEX certificates_holder_seq ON certificates (holder_seq)",
        ] },
        // A person's first certificate is worked out from their certificates whenever a write
        // changes them (``FirstCertificates``); nothing has read the copy kept in `holders`
        // since migration 6, so `holders` keeps only what it is for: the number a person's
        // certificates are filed under, and the row that makes writes for one person take turns.
        Migration(8, "holders without a copy of the first certificate") { _ in [
            "ALTER TABLE holders DROP COLUMN first_issued_on",
            "ALTER TABLE holders DROP COLUMN first_county",
        ] },
        // Every registration and status change of an institution, from its day: the counts
        // as of a date read the state each institution was in then (``CountsStatement``).
        // Institutions registered before this migration are taken as they are now, on every
        // date (what every count read until then).
        Migration(9, "institution history") { d in [
            """
            CREATE TABLE institution_history (
                id \(d.autoIncrementPrimaryKey), code TEXT NOT NULL, day INTEGER NOT NULL,
                type INTEGER NOT NULL, county INTEGER NOT NULL, status INTEGER NOT NULL)
            """,
            "INSERT INTO institution_history (code, day, type, county, status) SELECT code, 0, type, county, status FROM institutions",
        ] },
        // One county per person per day (``CoverageDeltas/Place``): a person holding valid
        // certificates in two counties counted in both, so the counties added up to more than
        // the city. The tables were recomputed from the certificates here; migration 13 now
        // does it (with the column this code reads), for every store that reaches it.
        Migration(10, "one county per person in the coverage") { _, _ in },
        // One supersession rule whatever the order of the writes (a lower certificate stored
        // after a higher one stayed valid), and a first certificate that a later revocation no
        // longer takes back (docs/NUMBERS.md): the certificates were settled and the tables
        // recomputed here; migration 13 now does it.
        Migration(11, "supersession by date, first certificates kept") { _, _ in },
        // Each institution's last history row up to a date, found by a key range: without it
        // every Counts call compared every row with every other (about 760 rows in the demo:
        // the gateway's Totals at city scale fell from 3,444 to 200 answers/s).
        Migration(12, "institution history by code") { _ in [
            "CREATE INDEX institution_history_code ON institution_history (code, day, id)",
        ] },
        // The day each certificate starts to count (``Supersession``): a revoked higher
        // certificate gave the lower ones it had superseded back their validity from their
        // issue day, so a revocation could move a person between counties on dates before it.
        // Then every certificate settled and the tables kept from them recomputed (what
        // migrations 10 and 11 did) — the yearly sums (migration 14) among them, whose table is
        // made first here for a store that comes from before it.
        Migration(13, "certificates count from the day no higher one holds them") { db, dialect in
            try await db.execute(sql: SQLRaw(coverageYearly(dialect))) { _ in }
            try await db.execute(sql: SQLRaw("ALTER TABLE certificates ADD COLUMN counts_from INTEGER NOT NULL DEFAULT 0")) { _ in }
            try await db.execute(sql: SQLRaw("UPDATE certificates SET counts_from = issued_on")) { _ in }
            try await Supersession.settleAll(db)
        },
        // The same deltas summed per year: a count as of a date read every month since the
        // first certificate's — about 430 rows of each of two sums a question, most of the
        // evaluation's database time under the gateway's `Totals` (BENCHMARKS.md note 25). Now
        // the years before the date's, that year's months before its month, that month's days.
        Migration(14, "coverage deltas per year") { d in [
            coverageYearly(d),
            "DELETE FROM coverage_yearly",
            """
            INSERT INTO coverage_yearly (scope, high_skill, year, delta)
            SELECT scope, high_skill, month / 100, SUM(delta) FROM coverage_monthly GROUP BY scope, high_skill, month / 100
            """,
        ] + (d == .postgres ? ["CREATE INDEX coverage_yearly_sum ON coverage_yearly (scope, high_skill, year, delta)"] : []) },
    ]

    /// The yearly sums' table (migrations 13 and 14); on SQLite one B-tree by its key, which
    /// holds the delta (a covering sum); on PostgreSQL a covering index is added beside it.
    private static func coverageYearly(_ dialect: StoreDialect) -> String {
        """
        CREATE TABLE IF NOT EXISTS coverage_yearly (
            scope INTEGER NOT NULL, high_skill INTEGER NOT NULL, year INTEGER NOT NULL, delta BIGINT NOT NULL,
            PRIMARY KEY (scope, high_skill, year))\(dialect.clusteredByPrimaryKey)
        """
    }

    /// Statements that recreate `table` as `definition` with its rows (its indexes go with the
    /// old table).
    private static func rebuilt(_ table: String, _ definition: String, columns: String, dialect: StoreDialect) -> [String] {
        [
            "CREATE TABLE \(table)_rebuilt (\(definition))\(dialect.clusteredByPrimaryKey)",
            "INSERT INTO \(table)_rebuilt (\(columns)) SELECT \(columns) FROM \(table)",
            "DROP TABLE \(table)",
            "ALTER TABLE \(table)_rebuilt RENAME TO \(table)",
        ]
    }
}
