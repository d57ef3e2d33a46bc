import JCSkillsStore

/// The training service's tables. Personal data as in the registry: the ID number sealed, and
/// a blind index of it (keyed by this service's own secret) to find a person's enrolments.
enum TrainingSchema {
    /// The columns sealed with the service's keys (``SealingKeyUpkeep`` seals them again after a rotation).
    static let sealedTables = [
        SealedTable("enrolments", key: "id", [.init("id_sealed", .idNumber)]),
    ]

    static let migrations: [Migration] = [
        Migration(1, "courses and enrolments") { d in [
            """
            CREATE TABLE courses (
                code TEXT NOT NULL PRIMARY KEY,
                details \(d.bytes) NOT NULL,
                county INTEGER NOT NULL,
                programme INTEGER NOT NULL,
                mode INTEGER NOT NULL,
                provider TEXT NOT NULL,
                starts_on INTEGER NOT NULL,
                ends_on INTEGER NOT NULL,
                capacity BIGINT NOT NULL,
                enrolled BIGINT NOT NULL,
                subsidised INTEGER NOT NULL,
                updated_ms BIGINT NOT NULL)
            """,
            "CREATE INDEX courses_by_county ON courses (county, starts_on)",
            """
            CREATE TABLE enrolments (
                id \(d.autoIncrementPrimaryKey),
                number TEXT NOT NULL UNIQUE,
                course_code TEXT NOT NULL,
                person_index \(d.bytes) NOT NULL,
                id_sealed \(d.bytes) NOT NULL,
                card_number TEXT NOT NULL,
                county INTEGER NOT NULL,
                key_groups TEXT NOT NULL,
                starts_on INTEGER NOT NULL,
                ends_on INTEGER NOT NULL,
                year INTEGER NOT NULL,
                subsidised INTEGER NOT NULL,
                enrolled_on INTEGER NOT NULL,
                UNIQUE (course_code, person_index))
            """,
            "CREATE INDEX enrolments_by_person ON enrolments (person_index, starts_on)",
            // One row per person who ever enrolled: a transaction claims it first, so that one
            // person's enrolments take turns (PostgreSQL runs writes concurrently).
            "CREATE TABLE trainees (person_index \(d.bytes) NOT NULL PRIMARY KEY, enrolments BIGINT NOT NULL)",
            "CREATE TABLE enrolment_sequence (id INTEGER NOT NULL PRIMARY KEY, next_value BIGINT NOT NULL)",
            "INSERT INTO enrolment_sequence (id, next_value) VALUES (1, 0)",
        ] },
        // One result per enrolment (``ResultRepository``), as the provider last reported it.
        Migration(2, "results") { d in [
            """
            CREATE TABLE results (
                enrolment_number TEXT NOT NULL PRIMARY KEY,
                course_code TEXT NOT NULL,
                details \(d.bytes) NOT NULL,
                completed_on INTEGER NOT NULL,
                passed INTEGER NOT NULL,
                completion_number TEXT NOT NULL,
                employed INTEGER NOT NULL,
                updated_ms BIGINT NOT NULL)
            """,
            "CREATE INDEX results_by_course ON results (course_code)",
            "CREATE TABLE result_sequence (id INTEGER NOT NULL PRIMARY KEY, next_value BIGINT NOT NULL)",
            "INSERT INTO result_sequence (id, next_value) VALUES (1, 0)",
        ] },
        // Certificates obtained after training, as the evaluation service confirmed them.
        Migration(3, "certificates after training") { _ in [
            """
            CREATE TABLE certificates_after (
                enrolment_number TEXT NOT NULL PRIMARY KEY,
                certificate_number TEXT NOT NULL,
                issued_on INTEGER NOT NULL,
                recorded_ms BIGINT NOT NULL)
            """,
        ] },
        // Labour brands, and the brand each course trains for (written with the course).
        Migration(4, "labour brands") { d in [
            """
            CREATE TABLE labour_brands (
                code TEXT NOT NULL PRIMARY KEY, details \(d.bytes) NOT NULL, county INTEGER NOT NULL, updated_ms BIGINT NOT NULL)
            """,
            "ALTER TABLE courses ADD COLUMN brand TEXT NOT NULL DEFAULT ''",
        ] },
        // The day a job after training began, so that a past date's employment counts only the
        // jobs begun by then (``TrainingCountsQueries``). Results stored before it had the date
        // only inside their message: they count from the course's completion.
        Migration(5, "the day of a job after training") { _ in [
            "ALTER TABLE results ADD COLUMN employed_on INTEGER NOT NULL DEFAULT 0",
            "UPDATE results SET employed_on = completed_on WHERE employed = 1",
            "CREATE INDEX enrolments_by_year ON enrolments (year, course_code, enrolled_on)",
        ] },
        // Each course's figures by the day they changed (``CourseFigures``), from what is stored:
        // enrolments on their day, results on their completion, jobs and certificates after
        // training on the later of completion and their own day — none before the enrolment.
        Migration(6, "course figures by day") { _ in [
            """
            CREATE TABLE course_figures (
                course_code TEXT NOT NULL, day INTEGER NOT NULL,
                enrolled BIGINT NOT NULL, completed BIGINT NOT NULL, passed BIGINT NOT NULL,
                employed BIGINT NOT NULL, certified BIGINT NOT NULL, passed_certified BIGINT NOT NULL,
                PRIMARY KEY (course_code, day))
            """,
            """
            INSERT INTO course_figures (course_code, day, enrolled, completed, passed, employed, certified, passed_certified)
            SELECT course_code, enrolled_on, COUNT(*), 0, 0, 0, 0, 0 FROM enrolments GROUP BY course_code, enrolled_on
            """,
            """
            INSERT INTO course_figures (course_code, day, enrolled, completed, passed, employed, certified, passed_certified)
            SELECT e.course_code, CASE WHEN r.completed_on > e.enrolled_on THEN r.completed_on ELSE e.enrolled_on END, 0, COUNT(*), SUM(r.passed), 0, 0, 0
            FROM results r JOIN enrolments e ON e.number = r.enrolment_number WHERE 1 = 1
            GROUP BY e.course_code, CASE WHEN r.completed_on > e.enrolled_on THEN r.completed_on ELSE e.enrolled_on END
            ON CONFLICT (course_code, day) DO UPDATE SET completed = course_figures.completed + excluded.completed,
                passed = course_figures.passed + excluded.passed
            """,
            """
            INSERT INTO course_figures (course_code, day, enrolled, completed, passed, employed, certified, passed_certified)
            SELECT e.course_code, CASE WHEN r.employed_on > CASE WHEN r.completed_on > e.enrolled_on THEN r.completed_on ELSE e.enrolled_on END THEN r.employed_on ELSE CASE WHEN r.completed_on > e.enrolled_on THEN r.completed_on ELSE e.enrolled_on END END, 0, 0, 0, COUNT(*), 0, 0
            FROM results r JOIN enrolments e ON e.number = r.enrolment_number WHERE r.employed = 1
            GROUP BY e.course_code, CASE WHEN r.employed_on > CASE WHEN r.completed_on > e.enrolled_on THEN r.completed_on ELSE e.enrolled_on END THEN r.employed_on ELSE CASE WHEN r.completed_on > e.enrolled_on THEN r.completed_on ELSE e.enrolled_on END END
            ON CONFLICT (course_code, day) DO UPDATE SET employed = course_figures.employed + excluded.employed
            """,
            """
            INSERT INTO course_figures (course_code, day, enrolled, completed, passed, employed, certified, passed_certified)
            SELECT e.course_code, CASE WHEN a.issued_on > CASE WHEN r.completed_on > e.enrolled_on THEN r.completed_on ELSE e.enrolled_on END THEN a.issued_on ELSE CASE WHEN r.completed_on > e.enrolled_on THEN r.completed_on ELSE e.enrolled_on END END, 0, 0, 0, 0, COUNT(*), SUM(r.passed)
            FROM certificates_after a JOIN results r ON r.enrolment_number = a.enrolment_number
            JOIN enrolments e ON e.number = a.enrolment_number WHERE 1 = 1
            GROUP BY e.course_code, CASE WHEN a.issued_on > CASE WHEN r.completed_on > e.enrolled_on THEN r.completed_on ELSE e.enrolled_on END THEN a.issued_on ELSE CASE WHEN r.completed_on > e.enrolled_on THEN r.completed_on ELSE e.enrolled_on END END
            ON CONFLICT (course_code, day) DO UPDATE SET certified = course_figures.certified + excluded.certified,
                passed_certified = course_figures.passed_certified + excluded.passed_certified
            """,
        ] },
        // The figures come from `course_figures` and the courses as they are now: nothing reads
        // the enrolments by year any more, so no index need be kept up on every insert.
        Migration(7, "no index of enrolments by year") { _ in ["DROP INDEX enrolments_by_year"] },
        // The courses' figures by programme, county, starting year and day (``ProgrammeFigures``):
        // the city's counts on a date read tens of rows, not one per course and day.
        Migration(8, "figures by programme") { _ in [
            """
            CREATE TABLE programme_figures (
                programme INTEGER NOT NULL, county INTEGER NOT NULL, year INTEGER NOT NULL, day INTEGER NOT NULL,
                enrolled BIGINT NOT NULL, completed BIGINT NOT NULL, passed BIGINT NOT NULL,
                employed BIGINT NOT NULL, certified BIGINT NOT NULL, passed_certified BIGINT NOT NULL,
                PRIMARY KEY (programme, county, year, day))
            """,
            """
            INSERT INTO programme_figures (programme, county, year, day, enrolled, completed, passed, employed, certified, passed_certified)
            SELECT c.programme, c.county, c.starts_on / 10000, f.day, SUM(f.enrolled), SUM(f.completed), SUM(f.passed),
                SUM(f.employed), SUM(f.certified), SUM(f.passed_certified)
            FROM course_figures f JOIN courses c ON c.code = f.course_code
            GROUP BY c.programme, c.county, c.starts_on / 10000, f.day
            """,
        ] },
    ]
}
