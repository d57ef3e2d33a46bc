import Foundation
import JCSkillsStore
import Logging
import SQLKit

/// What ``runBulkInsertBenchmark(location:rows:batchSize:rowsPerStatement:concurrency:logger:)`` measured.
public struct BulkInsertBenchmarkResult: Sendable, Hashable, CustomStringConvertible {
    public var dialect: StoreDialect
    public var rows: Int
    public var batchSize: Int
    /// Wall-clock time from the first batch to the last commit, sealing included.
    public var seconds: Double
    public var rowsPerSecond: Double { seconds > 0 ? Double(rows) / seconds : 0 }

    public var description: String {
        String(format: "%@: %d sealed rows in %.2f s = %.0f rows/s (batches of %d)",
               dialect.rawValue, rows, seconds, rowsPerSecond, batchSize)
    }
}

/// Inserts `rows` person-like rows — ID number, name and phone sealed, ID number and phone
/// blind-indexed (a unique index on the ID number's, as a registry de-duplicates on it; the
/// phone's is stored unindexed), plus county, birth year, category and time —
/// in batches of `batchSize`, one audited transaction per batch, and returns the throughput.
///
/// Each batch is sealed in memory, then written with multi-row `INSERT` statements of
/// `rowsPerStatement` rows with natively bound values (``SQLKit/SQLDatabase/nativeInsert(into:columns:values:suffix:)``). `concurrency` batches are in flight at once: on
/// SQLite they queue for the single writer while the next ones are sealed, so sealing overlaps
/// with writing; on PostgreSQL they run on separate connections.
///
/// The data is synthetic and deterministic (valid ID numbers with check digits, common names,
/// mobile numbers); keys are random per run. The table `bench_persons` is dropped and
/// re-created first, so point this at a scratch database (a temporary SQLite file or a
/// throwaway PostgreSQL database): it records migrations, audit rows and the table there.
///
/// - Parameters:
///   - rows: total rows; default 1,000,000.
///   - batchSize: rows per transaction; default 50,000. Large batches matter on SQLite: each
///     commit rewrites every index page it touched, and random blind-index keys touch many.
///   - rowsPerStatement: rows per `INSERT`; default 1,000 (9,000 bound values, inside
///     PostgreSQL's 65,535 and SQLite's 250,000 limits).
///   - concurrency: batches in flight; default 2.
public func runBulkInsertBenchmark(
    location: StoreLocation,
    rows: Int = 1_000_000,
    batchSize: Int = 50_000,
    rowsPerStatement: Int = 1_000,
    concurrency: Int = 2,
    logger: Logger = Logger(label: "jcskills.store.benchmark")
) async throws -> BulkInsertBenchmarkResult {
    precondition(rows > 0 && batchSize > 0 && rowsPerStatement > 0 && concurrency > 0, "sizes must be positive")
    var configuration = StoreConfiguration(service: "benchmark", location: location)
    configuration.logger = logger
    configuration.maintenanceInterval = nil
    // The whole blind index of a million rows (about 45 MiB) fits, as it would in a registry
    // tuned for imports.
    configuration.sqliteWriterCacheMiB = 64
    let store = try await Store.open(configuration, migrations: [])
    do {
        let personal = PersonalData(keys: .generate())
        let context = AuditContext(principal: "jcskills-benchmark", method: "benchmark.BulkInsert", requestID: "bench")
        try await store.transaction(context) { tx in
            for statement in BenchmarkPerson.schema(tx.storeDialect) {
                try await tx.execute(sql: SQLRaw(statement)) { _ in }
            }
        }
        let batches = (rows + batchSize - 1) / batchSize
        let start = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            var next = 0
            func addBatch() {
                let batch = next
                next += 1
                group.addTask {
                    let first = batch * batchSize
                    let people = (first..<min(first + batchSize, rows)).map { BenchmarkPerson.sealed($0, with: personal) }
                    try await store.transaction(context, grouping: .alone) { tx in
                        var offset = 0
                        while offset < people.count {
                            let end = min(offset + rowsPerStatement, people.count)
                            try await tx.nativeInsert(into: "bench_persons", columns: BenchmarkPerson.columns,
                                                      values: people[offset..<end].flatMap(\.values))
                            offset = end
                        }
                        try await tx.audit(entity: "bench_persons", id: nil, detail: "inserted \(people.count) rows")
                    }
                }
            }
            while next < min(concurrency, batches) { addBatch() }
            while try await group.next() != nil {
                if next < batches { addBatch() }
            }
        }
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        await store.close()
        return BulkInsertBenchmarkResult(dialect: location.dialect, rows: rows, batchSize: batchSize, seconds: seconds)
    } catch {
        await store.close()
        throw error
    }
}

/// One synthetic person, sealed and ready to insert.
struct BenchmarkPerson: Sendable {
    var idNumberSealed: Data
    var idNumberIndex: Data
    var nameSealed: Data
    var phoneSealed: Data
    var phoneIndex: Data
    var county: String
    var birthYear: Int
    var category: Int
    var registeredMs: Int64

    static let columns = [
        "id_number_sealed", "id_number_index", "name_sealed", "phone_sealed", "phone_index", "county",
        "birth_year", "category", "registered_ms",
    ]

    static func schema(_ d: StoreDialect) -> [String] {
        [
            "DROP TABLE IF EXISTS bench_persons",
            """
            CREATE TABLE bench_persons (
                id \(d.autoIncrementPrimaryKey),
                id_number_sealed \(d.bytes) NOT NULL,
                id_number_index \(d.bytes) NOT NULL UNIQUE,
                name_sealed \(d.bytes) NOT NULL,
                phone_sealed \(d.bytes) NOT NULL,
                phone_index \(d.bytes) NOT NULL,
                county TEXT NOT NULL,
                birth_year INTEGER NOT NULL,
                category INTEGER NOT NULL,
                registered_ms \(d.bigint) NOT NULL)
            """,
        ]
    }

    /// The `n`-th synthetic person; ID numbers are distinct for every `n` below 90,720,000.
    static func sealed(_ n: Int, with personal: PersonalData) -> BenchmarkPerson {
        let (idNumber, county, birthYear) = SyntheticIDNumber.make(n)
        let name = surnames[n % surnames.count] + givenNames[(n / surnames.count) % givenNames.count]
        let phone = "13\(n % 10)" + SyntheticIDNumber.digits((n * 7919) % 100_000_000, width: 8)
        return BenchmarkPerson(
            idNumberSealed: personal.seal(idNumber, as: .idNumber),
            idNumberIndex: personal.blindIndex(idNumber, for: .idNumber),
            nameSealed: personal.seal(name, as: .name),
            phoneSealed: personal.seal(phone, as: .phone),
            phoneIndex: personal.blindIndex(phone, for: .phone),
            county: county, birthYear: birthYear, category: n % 5,
            registeredMs: 1_590_000_000_000 + Int64(n) * 1000)
    }

    static let counties = ["140502", "140521", "140522", "140524", "140525", "140581"]
    static let surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "欧阳", "司马"]
    static let givenNames = ["伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟"]

    /// The row's values in ``columns`` order.
    var values: [StoreValue] {
        [
            .bytes(idNumberSealed), .bytes(idNumberIndex), .bytes(nameSealed), .bytes(phoneSealed), .bytes(phoneIndex),
            .text(county), .integer(Int64(birthYear)), .integer(Int64(category)), .integer(registeredMs),
        ]
    }
}

/// Valid-looking 18-character resident ID numbers for synthetic data.
enum SyntheticIDNumber {
    static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    static let checkCharacters = Array("10X98765432".utf8)

    /// The `n`-th ID number with its county and birth year: county code, birth date, a
    /// three-digit sequence and the ISO 7064 MOD 11-2 check character. `n` is spread over
    /// day (28), month (12), year (45), sequence (1,000) and county (6) like the digits of a
    /// mixed-radix number, so numbers are distinct for every `n` below 90,720,000.
    static func make(_ n: Int) -> (idNumber: String, county: String, birthYear: Int) {
        let day = n % 28 + 1
        let month = (n / 28) % 12 + 1
        let birthYear = 1960 + (n / 336) % 45
        let sequence = (n / 15_120) % 1000
        let county = BenchmarkPerson.counties[(n / 15_120_000) % BenchmarkPerson.counties.count]
        // Built as bytes: a million `String(format:)` calls cost more than the sealing.
        var bytes = [UInt8](county.utf8)
        bytes.reserveCapacity(18)
        for (value, width) in [(birthYear, 4), (month, 2), (day, 2), (sequence, 3)] {
            var divisor = 1
            for _ in 1..<width { divisor *= 10 }
            while divisor > 0 {
                bytes.append(UInt8(ascii: "0") + UInt8((value / divisor) % 10))
                divisor /= 10
            }
        }
        var sum = 0
        for (digit, weight) in zip(bytes, weights) {
            sum += Int(digit - UInt8(ascii: "0")) * weight
        }
        bytes.append(checkCharacters[sum % 11])
        return (String(decoding: bytes, as: UTF8.self), county, birthYear)
    }

    /// `value` in decimal, zero-padded to `width` digits (`String(format:)` is slow in bulk).
    static func digits(_ value: Int, width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
