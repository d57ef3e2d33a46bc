import Foundation
import JCSkillsStore
import JCSkillsTestSupport
import Testing

/// A batch's questions read through one ``StatementRound``: their statements run as one a round,
/// and each question gets its own rows — on both backends.
@Suite("Statements gathered a round")
struct StatementRoundTests {
    static let migrations = [Migration(1, "items", sql: "CREATE TABLE items (county INTEGER NOT NULL, name TEXT NOT NULL)")]

    static func seed(_ store: Store) async throws {
        let context = AuditContext(principal: "test", method: "test/Insert", requestID: "r1")
        try await store.transaction(context) { tx in
            for (county, name) in [(1, "a"), (1, "b"), (2, "c"), (3, "d"), (3, "e"), (3, "f")] {
                try await tx.nativeExecute("INSERT INTO items (county, name) VALUES (?, ?)", [StoreValue(county), StoreValue(name)])
            }
        }
    }

    /// The shapes one service's questions take: one county or every one, the same columns.
    static func names(in county: Int32, _ reading: any RowReading) async throws -> [String] {
        let rows = county == 0
            ? try await reading.rows("SELECT 0 AS part, name FROM items UNION ALL SELECT 1, 'total'", [])
            : try await reading.rows("SELECT 0 AS part, name FROM items WHERE county = ? UNION ALL SELECT 1, 'total'", [StoreValue(county)])
        return try rows.filter { try $0.int64("part") == 0 }.map { try $0.string("name") }.sorted()
    }

    static func answerAll<T: Sendable>(_ round: StatementRound, _ questions: [@Sendable (StatementRound) async throws -> T]) async throws -> [T] {
        try await withThrowingTaskGroup(of: (Int, T).self) { group in
            for (index, question) in questions.enumerated() {
                group.addTask {
                    do {
                        let answer = try await question(round)
                        await round.leave()
                        return (index, answer)
                    } catch {
                        await round.leave()
                        throw error
                    }
                }
            }
            var answers = [T?](repeating: nil, count: questions.count)
            for try await (index, answer) in group { answers[index] = answer }
            return answers.map { $0! }
        }
    }

    @Test(arguments: TestDatabases.backends)
    func eachQuestionGetsItsOwnRowsFromOneStatement(backend: TestBackend) async throws {
        try await withTestStore(backend, migrations: Self.migrations) { store in
            try await Self.seed(store)
            let counties: [Int32] = [1, 2, 3, 4, 0, 1]
            let round = StatementRound(on: store, questions: counties.count)
            let answers = try await Self.answerAll(round, counties.map { county in { @Sendable round in try await Self.names(in: county, round) } })
            #expect(answers == [["a", "b"], ["c"], ["d", "e", "f"], [], ["a", "b", "c", "d", "e", "f"], ["a", "b"]])
            #expect(round.statementsRun == 1)
            // Each the same as read alone.
            for (county, answer) in zip(counties, answers) { #expect(try await Self.names(in: county, store) == answer) }
        }
    }

    @Test(arguments: TestDatabases.backends)
    func questionsThatReadNothingOrTwiceAreNotWaitedFor(backend: TestBackend) async throws {
        try await withTestStore(backend, migrations: Self.migrations) { store in
            try await Self.seed(store)
            let round = StatementRound(on: store, questions: 4)
            let answers = try await Self.answerAll(round, [
                { @Sendable round in try await Self.names(in: 1, round) },
                { @Sendable _ in ["answered from a memo"] },
                { @Sendable round in try await Self.names(in: 2, round) + Self.names(in: 3, round) },
                { @Sendable round in try await Self.names(in: 3, round) },
            ])
            #expect(answers == [["a", "b"], ["answered from a memo"], ["c", "d", "e", "f"], ["d", "e", "f"]])
            // The first round gathers three statements; the third question's second one runs alone.
            #expect(round.statementsRun == 2)
        }
    }

    @Test(arguments: TestDatabases.backends)
    func aFailedStatementFailsItsRoundAndOnlyItsRound(backend: TestBackend) async throws {
        try await withTestStore(backend, migrations: Self.migrations) { store in
            try await Self.seed(store)
            let failing = StatementRound(on: store, questions: 2)
            await #expect(throws: (any Error).self) {
                _ = try await Self.answerAll(failing, [
                    { @Sendable round in try await Self.names(in: 1, round) },
                    { @Sendable round in try await round.rows("SELECT 0 AS part, name FROM no_such_table", []).map { try $0.string("name") } },
                ])
            }
            #expect(failing.statementsRun == 1)
            // A question that fails before reading leaves the others to their round.
            let round = StatementRound(on: store, questions: 3)
            let outcomes = try await withThrowingTaskGroup(of: (Int, [String]?).self) { group in
                for index in 0..<3 {
                    group.addTask {
                        do {
                            if index == 1 { throw StoreError(.invalidArgument, "refused before reading") }
                            let names = try await Self.names(in: Int32(index + 1), round)
                            await round.leave()
                            return (index, names)
                        } catch {
                            await round.leave()
                            return (index, nil)
                        }
                    }
                }
                return try await group.reduce(into: [Int: [String]?]()) { $0[$1.0] = $1.1 }
            }
            #expect(outcomes[0] == .some(["a", "b"]))
            #expect(outcomes[1] == .some(nil))
            #expect(outcomes[2] == .some(["d", "e", "f"]))
            #expect(round.statementsRun == 1)
        }
    }
}
