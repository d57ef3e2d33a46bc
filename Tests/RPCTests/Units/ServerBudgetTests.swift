@testable import JCSkillsRPC
import Testing

/// `ServerBudget`: what all of a server's connections hold together, against the limits of
/// Protocol/SPEC.md §8 (connections, running calls, buffered bytes), charged from every event
/// loop at once.
@Suite("Server budget (SPEC.md §8)", .timeLimit(.minutes(1)))
struct ServerBudgetTests {
    private func budget(connections: Int = 1_000, calls: Int = 10_000, bytes: Int = 64 << 20) -> ServerBudget {
        var configuration = ServerConfiguration(port: 0, tls: TLSFiles(certificateChain: "", privateKey: "", trustRoots: ""), serverName: "test")
        configuration.maximumConnections = connections
        configuration.maximumCalls = calls
        configuration.maximumBufferedBytes = bytes
        return ServerBudget(configuration)
    }

    /// §8: up to the limit is admitted, the next is refused and takes nothing; a slot given
    /// back is taken again.
    @Test func connectionsAndCallsAreAdmittedUpToTheLimit() {
        let budget = budget(connections: 3, calls: 2)
        #expect((0..<3).allSatisfy { _ in budget.admitConnection() })
        #expect(!budget.admitConnection())
        #expect(budget.openConnections == 3, "a refusal takes no slot")
        budget.connectionClosed()
        #expect(budget.admitConnection())
        #expect(!budget.admitConnection())

        #expect(budget.admitCall() && budget.admitCall())
        #expect(!budget.admitCall())
        #expect(budget.runningCalls == 2)
        budget.callEnded()
        #expect(budget.runningCalls == 1)
        #expect(budget.admitCall())
    }

    /// §8: a growth that would pass the buffer limit is refused and not kept; reaching the
    /// limit exactly is allowed; a release is always taken, and makes room again.
    @Test func bufferedBytesAreChargedUpToTheLimitExactly() {
        let budget = budget(bytes: 1_000)
        #expect(budget.chargeBuffered(600))
        #expect(!budget.chargeBuffered(401))
        #expect(budget.buffered == 600, "the refused growth was undone")
        #expect(budget.chargeBuffered(400))
        #expect(budget.buffered == 1_000)
        #expect(!budget.chargeBuffered(1))
        #expect(budget.chargeBuffered(-300))
        #expect(budget.chargeBuffered(0))
        #expect(budget.buffered == 700)
        #expect(budget.chargeBuffered(300))
    }

    /// What `FreedMemoryReturn` reads: connections closed since it last looked, then none.
    @Test func closedConnectionsAreCountedSinceTheLastLook() {
        let budget = budget()
        for _ in 0..<3 {
            _ = budget.admitConnection()
            budget.connectionClosed()
        }
        #expect(budget.takeClosedConnections() == 3)
        #expect(budget.takeClosedConnections() == 0)
        #expect(budget.openConnections == 0)
        #expect(budget.connectionRefused() == 1)
        #expect(budget.connectionRefused() == 2)
    }

    /// Many event loops admitting at once never pass the limit together, and none is refused
    /// while the limit still has room: exactly `limit` of the attempts succeed.
    @Test func concurrentAdmissionsNeverPassTheLimit() async {
        let budget = budget(calls: 100, bytes: 5_000)
        let admitted = Tally()
        let charged = Tally()
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    for _ in 0..<1_000 {
                        if budget.admitCall() { admitted.add() }
                        if budget.chargeBuffered(1) { charged.add() }
                    }
                }
            }
        }
        #expect(admitted.total == 100)
        #expect(budget.runningCalls == 100)
        #expect(charged.total == 5_000)
        #expect(budget.buffered == 5_000)
    }
}
