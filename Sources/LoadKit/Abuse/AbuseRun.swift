import JCSkillsProtocol
import JCSkillsRPC
import NIOCore
import NIOPosix

/// What `jcskills-load abuse` runs: abusive connections of the given kinds against one server.
public struct AbusePlan: Sendable {
    public var endpoint: Endpoint
    public var tls: TLSFiles
    /// Given out round-robin: connection `i` is of kind `kinds[i % kinds.count]`.
    public var kinds: [AbuseKind]
    public var connections: Int
    public var duration: Duration
    public var settings = AbuseSettings()
    /// Event-loop threads for the abusers' sockets.
    public var threads = 1

    public init(endpoint: Endpoint, tls: TLSFiles, kinds: [AbuseKind] = AbuseKind.allCases, connections: Int = 100, duration: Duration) {
        precondition(!kinds.isEmpty && connections >= 1, "at least one kind and one connection")
        self.endpoint = endpoint
        self.tls = tls
        self.kinds = kinds
        self.connections = connections
        self.duration = duration
    }

    func kind(ofConnection index: Int) -> AbuseKind { kinds[index % kinds.count] }
}

/// Runs an ``AbusePlan``: every connection slot connects, abuses until the server closes it,
/// counts how it was closed, reconnects, and so on until the duration is over; then every
/// connection is closed and the counts are reported.
public enum AbuseRun {
    /// - Parameter progress: called about once a second with a one-line summary.
    public static func run(_ plan: AbusePlan, progress: (@Sendable (String) -> Void)? = nil) async throws -> AbuseReport {
        _ = try plan.tls.makeClientContext()  // unreadable TLS files fail the run here, not per connection
        var perKind: [AbuseKind: Int] = [:]
        for index in 0..<plan.connections { perKind[plan.kind(ofConnection: index), default: 0] += 1 }
        let tally = AbuseTally(connections: perKind)
        let group = MultiThreadedEventLoopGroup(numberOfThreads: plan.threads)
        let clock = ContinuousClock()
        let started = clock.now
        let end = started + plan.duration
        await withTaskGroup(of: Void.self) { tasks in
            for index in 0..<plan.connections {
                tasks.addTask {
                    // Connections spread over the first tenth of the run (a second at most),
                    // not one burst of handshakes.
                    try? await Task.sleep(for: min(plan.duration / 10, .seconds(1)) * (Double(index) / Double(plan.connections)))
                    await slot(plan.kind(ofConnection: index), plan, tally: tally, group: group)
                }
            }
            if let progress {
                tasks.addTask {
                    while (try? await Task.sleep(for: .seconds(1))) != nil {
                        progress(tally.progressLine(seconds: (clock.now - started) / .seconds(1)))
                    }
                }
            }
            try? await Task.sleep(until: end, clock: clock)
            tasks.cancelAll()
        }
        try? await group.shutdownGracefully()
        return AbuseReport(endpoint: plan.endpoint.description, seconds: (clock.now - started) / .seconds(1), kinds: tally.snapshot)
    }

    /// One connection slot: connect, abuse, count how it ended, again, until cancelled.
    private static func slot(_ kind: AbuseKind, _ plan: AbusePlan, tally: AbuseTally, group: any EventLoopGroup) async {
        let settings = plan.settings
        while !Task.isCancelled {
            let peer: FramePeer
            do {
                peer = try await FramePeer.connect(
                    to: plan.endpoint, tls: plan.tls, settings: Abuser.clientSettings(kind, settings),
                    keeping: Abuser.keeping, group: group)
            } catch {
                if Task.isCancelled { return }
                tally.update(kind) { $0.refused += 1 }
                try? await Task.sleep(for: settings.reconnectDelay)
                continue
            }
            tally.update(kind) { $0.established += 1 }
            tally.opened(1)
            let abuser = Abuser(kind: kind, peer: peer, settings: settings, tally: tally)
            // Stopping closes the channel, which ends every wait of the abuser.
            await withTaskCancellationHandler {
                try? await abuser.run()
            } onCancel: {
                peer.abort()
            }
            tally.opened(-1)
            if Task.isCancelled {
                await peer.close()
                return
            }
            if !peer.channel.isActive {
                let goAway = peer.take { $0.type == .goAway }.last.flatMap { try? GoAway(buffer: $0.payload) }
                let reason = goAway.map { "GOAWAY \($0.status.name)" + ($0.message.isEmpty ? "" : " \($0.message.prefix(40))") } ?? "no GOAWAY"
                tally.update(kind) { report in
                    report.closedByServer += 1
                    report.closures[reason, default: 0] += 1
                }
            }
            // Either the server closed it or the abuser finished a cycle: a fresh connection.
            await peer.close()
            try? await Task.sleep(for: settings.reconnectDelay)
        }
    }
}
