import JCSkillsStore

/// The competition service's tables. Personal data as everywhere: ID numbers and names sealed,
/// the ID number blind-indexed (keyed by this service's own secret) so that a person enters an
/// event once and counts once among a year's participants.
enum CompetitionSchema {
    /// The columns sealed with the service's keys (``SealingKeyUpkeep`` seals them again after a rotation).
    static let sealedTables = [
        SealedTable("entries", key: "id", [.init("id_sealed", .idNumber), .init("name_sealed", .name)]),
        SealedTable("studios", key: "code", [.init("master_id_sealed", .idNumber), .init("master_name_sealed", .name)]),
    ]

    static let migrations: [Migration] = [
        Migration(1, "competitions, events, entries, marks, awards, studios") { d in [
            """
            CREATE TABLE competitions (
                code TEXT NOT NULL PRIMARY KEY,
                details \(d.bytes) NOT NULL,
                year INTEGER NOT NULL,
                updated_ms BIGINT NOT NULL)
            """,
            "CREATE INDEX competitions_by_year ON competitions (year)",
            // The event's message (scheme and judges) with its state; entries draw their
            // competitor numbers from next_entry.
            """
            CREATE TABLE events (
                competition TEXT NOT NULL,
                code TEXT NOT NULL,
                details \(d.bytes) NOT NULL,
                state INTEGER NOT NULL,
                closed_on INTEGER NOT NULL,
                next_entry BIGINT NOT NULL,
                PRIMARY KEY (competition, code))
            """,
            """
            CREATE TABLE entries (
                id \(d.autoIncrementPrimaryKey),
                competition TEXT NOT NULL,
                event TEXT NOT NULL,
                number TEXT NOT NULL,
                person_index \(d.bytes) NOT NULL,
                id_sealed \(d.bytes) NOT NULL,
                name_sealed \(d.bytes) NOT NULL,
                school TEXT NOT NULL,
                county INTEGER NOT NULL,
                year INTEGER NOT NULL,
                entered_on INTEGER NOT NULL,
                UNIQUE (competition, number),
                UNIQUE (competition, event, person_index))
            """,
            "CREATE INDEX entries_by_year ON entries (year, county, entered_on)",
            // One row per score: a measurement's under the judge '' (it has one mark), a
            // judgement's under each judge who scored it.
            """
            CREATE TABLE marks (
                entry_id BIGINT NOT NULL,
                criterion TEXT NOT NULL,
                judge TEXT NOT NULL,
                mark BIGINT NOT NULL,
                marked_by TEXT NOT NULL,
                marked_ms BIGINT NOT NULL,
                PRIMARY KEY (entry_id, criterion, judge))
            """,
            """
            CREATE TABLE awards (
                entry_id BIGINT NOT NULL PRIMARY KEY,
                competition TEXT NOT NULL,
                event TEXT NOT NULL,
                number TEXT NOT NULL,
                year INTEGER NOT NULL,
                county INTEGER NOT NULL,
                rank INTEGER NOT NULL,
                expert INTEGER NOT NULL,
                promotion INTEGER NOT NULL,
                occupation TEXT NOT NULL,
                institution TEXT NOT NULL,
                from_level INTEGER NOT NULL,
                to_level INTEGER NOT NULL,
                certificate TEXT NOT NULL,
                last_error TEXT NOT NULL,
                attempts INTEGER NOT NULL,
                closed_on INTEGER NOT NULL,
                issued_on INTEGER NOT NULL)
            """,
            "CREATE INDEX awards_by_state ON awards (promotion)",
            "CREATE INDEX awards_by_year ON awards (year, county)",
            """
            CREATE TABLE studios (
                code TEXT NOT NULL PRIMARY KEY,
                name TEXT NOT NULL,
                master_index \(d.bytes) NOT NULL,
                master_id_sealed \(d.bytes) NOT NULL,
                master_name_sealed \(d.bytes) NOT NULL,
                master_level INTEGER NOT NULL,
                host TEXT NOT NULL,
                county INTEGER NOT NULL,
                industry TEXT NOT NULL,
                level INTEGER NOT NULL,
                established_on INTEGER NOT NULL,
                updated_ms BIGINT NOT NULL)
            """,
            """
            CREATE TABLE studio_years (
                studio TEXT NOT NULL,
                year INTEGER NOT NULL,
                apprentices BIGINT NOT NULL,
                problems BIGINT NOT NULL,
                PRIMARY KEY (studio, year))
            """,
        ] },
        // A year's participants, each person once, in the county of their first entry of the
        // year (so that the counties add up to the city), and their count by county and day:
        // what `Counts` sums up to a date without reading the entries (docs/NUMBERS.md,
        // "Competitions").
        Migration(2, "participants by year, county and day") { d in [
            """
            CREATE TABLE participants (
                year INTEGER NOT NULL,
                person_index \(d.bytes) NOT NULL,
                county INTEGER NOT NULL,
                entered_on INTEGER NOT NULL,
                PRIMARY KEY (year, person_index))
            """,
            """
            INSERT INTO participants (year, person_index, county, entered_on)
            SELECT e.year, e.person_index, e.county, e.entered_on FROM entries e
            WHERE e.id = (SELECT MIN(f.id) FROM entries f WHERE f.year = e.year AND f.person_index = e.person_index)
            """,
            """
            CREATE TABLE participant_days (
                year INTEGER NOT NULL,
                county INTEGER NOT NULL,
                day INTEGER NOT NULL,
                persons BIGINT NOT NULL,
                PRIMARY KEY (year, county, day))
            """,
            """
            INSERT INTO participant_days (year, county, day, persons)
            SELECT year, county, entered_on, COUNT(*) FROM participants GROUP BY year, county, entered_on
            """,
        ] },
        // The awards' figures by year, county and day: technical experts and promotions
        // waiting on the day their event closed, promotions issued on the day they count; a
        // promotion settled moves out of the waiting (docs/NUMBERS.md, "Competitions").
        Migration(3, "award figures by year, county and day") { d in [
            """
            CREATE TABLE award_days (
                year INTEGER NOT NULL,
                county INTEGER NOT NULL,
                day INTEGER NOT NULL,
                experts BIGINT NOT NULL,
                pending BIGINT NOT NULL,
                promotions BIGINT NOT NULL,
                PRIMARY KEY (year, county, day))
            """,
            """
            INSERT INTO award_days (year, county, day, experts, pending, promotions)
            SELECT year, county, day, SUM(experts), SUM(pending), SUM(promotions) FROM (
                SELECT year, county, closed_on AS day, expert AS experts, CASE WHEN promotion = 1 THEN 1 ELSE 0 END AS pending, 0 AS promotions
                FROM awards
                UNION ALL
                SELECT year, county, issued_on AS day, 0 AS experts, 0 AS pending, 1 AS promotions FROM awards WHERE promotion = 2
            ) AS parts GROUP BY year, county, day
            """,
        ] },
    ]
}
