// A child process for the store's crash-safety test.
//
// Usage: jcskills-store-crash-writer LOCATION [MAX [WRITERS]]
//
// Opens the store at LOCATION (an SQLite path or a postgres:// URL) and commits batch after
// batch, each one transaction inserting two rows that belong together (parts 1 and 2 of a
// batch, with a payload derived from the batch number). After each commit returns it prints
// "ack N" on its own line, unbuffered. The test SIGKILLs it mid-stream and then checks that
// every acknowledged batch is complete in the database and that no batch is half there.
//
// With WRITERS (default 1) above one, that many tasks write at once, taking batch numbers in
// turn, so that their transactions share commits (group commit); every 50 acknowledgements it
// also prints "grouped W C": the store's writes and commits so far.
//
// It stops by itself after MAX batches (default 1,000,000) or 120 seconds, so a test that
// fails to kill it does not leave it running.

import Foundation
import JCSkillsStore
import SQLKit
import Synchronization

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: jcskills-store-crash-writer LOCATION [MAX]\n".utf8))
    exit(64)
}
let location = try StoreLocation.parse(arguments[1], dataDirectory: FileManager.default.currentDirectoryPath,
                                       service: "crash")
let maximum = arguments.count >= 3 ? Int(arguments[2]) ?? 1_000_000 : 1_000_000
let writers = arguments.count >= 4 ? max(1, Int(arguments[3]) ?? 1) : 1
let deadline = ContinuousClock.now + .seconds(120)

/// The schema the test checks; the test opens the store with the same migrations.
let migrations = [
    Migration(1, "crash pairs") { d in [
        """
        CREATE TABLE crash_pairs (
            batch \(d.bigint) NOT NULL,
            part INTEGER NOT NULL,
            payload TEXT NOT NULL,
            PRIMARY KEY (batch, part))
        """,
    ] },
]

/// Padding makes each transaction span several pages, so a kill can land in the middle of one.
func payload(batch: Int, part: Int) -> String {
    "batch \(batch) part \(part) " + String(repeating: "\(batch % 10)", count: 600)
}

func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

var configuration = StoreConfiguration(service: "crash", location: location)
configuration.maintenanceInterval = nil
// Shared commits (off by default): the crash test proves them durable.
configuration.groupCommit = true
let store = try await Store.open(configuration, migrations: migrations)
let context = AuditContext(principal: "crash-writer", method: "crash.Write", requestID: "crash")
let start = try await store.read { db in
    try await db.raw("SELECT MAX(batch) AS m FROM crash_pairs").first(decodingColumn: "m", as: Int?.self) ?? nil
} ?? 0
say("ready")

/// One batch in one transaction, acknowledged once committed.
func write(_ batch: Int, to store: Store, as context: AuditContext) async throws {
    try await store.transaction(context) { tx in
        for part in 1...2 {
            try await tx.insert(into: "crash_pairs").columns("batch", "part", "payload")
                .values(SQLBind(batch), SQLBind(part), SQLBind(payload(batch: batch, part: part)))
                .run()
        }
    }
    say("ack \(batch)")
}

/// The last batch number taken, shared by the writing tasks.
final class BatchNumbers: Sendable {
    private let last: Mutex<Int>
    init(after start: Int) { last = Mutex(start) }
    func next() -> Int {
        last.withLock { number in
            number += 1
            return number
        }
    }
}

/// `writers` tasks taking batch numbers after `start` in turn.
func writeConcurrently(to store: Store, as context: AuditContext, after start: Int, upTo last: Int, writers: Int,
                       until deadline: ContinuousClock.Instant) async throws {
    let numbers = BatchNumbers(after: start)
    try await withThrowingTaskGroup(of: Void.self) { group in
        for _ in 0..<writers {
            group.addTask {
                while ContinuousClock.now <= deadline {
                    let batch = numbers.next()
                    if batch > last { return }
                    try await write(batch, to: store, as: context)
                    if batch % 50 == 0 {
                        let statistics = store.groupCommitStatistics
                        say("grouped \(statistics.writes) \(statistics.commits)")
                    }
                }
            }
        }
        try await group.waitForAll()
    }
}

if writers == 1 {
    for batch in (start + 1)...(start + maximum) {
        if ContinuousClock.now > deadline { break }
        try await write(batch, to: store, as: context)
    }
} else {
    try await writeConcurrently(to: store, as: context, after: start, upTo: start + maximum, writers: writers,
                                until: deadline)
}
await store.close()
say("done")
