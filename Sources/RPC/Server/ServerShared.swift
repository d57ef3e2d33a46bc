import JCSkillsProtocol
import Logging
import NIOCore
import Synchronization

/// What every connection of one server shares: configuration, routes, auditor, the limits
/// they count against together, and the list of open connections that a shutdown must drain.
final class ServerShared: Sendable {
    let configuration: ServerConfiguration
    let settings: Settings
    /// What every connection's machine enforces, worked out once.
    let limits: ServerConnectionLimits
    let router: RPCRouter
    let auditor: any AccessAuditor
    let logger: Logger
    let connections = ConnectionRegistry()
    let budget: ServerBudget

    init(configuration: ServerConfiguration, router: RPCRouter, auditor: any AccessAuditor, logger: Logger) {
        self.configuration = configuration
        self.settings = configuration.settings
        self.limits = ServerConnectionLimits(configuration)
        self.router = router
        self.auditor = auditor
        self.logger = logger
        self.budget = ServerBudget(configuration)
    }
}

/// Open connections, so that shutdown can send each a GOAWAY and wait for them to close.
final class ConnectionRegistry: Sendable {
    private struct Entry {
        let handler: NIOLoopBound<ServerConnectionHandler>
        let channel: any Channel
    }

    private struct State {
        var next = 0
        var open: [Int: Entry] = [:]
        var drained: [CheckedContinuation<Void, Never>] = []
    }

    private let state = Mutex(State())

    func add(_ handler: NIOLoopBound<ServerConnectionHandler>, channel: any Channel) -> Int {
        state.withLock { state in
            state.next += 1
            state.open[state.next] = Entry(handler: handler, channel: channel)
            return state.next
        }
    }

    func remove(_ id: Int) {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.open[id] = nil
            guard state.open.isEmpty else { return [] }
            defer { state.drained = [] }
            return state.drained
        }
        for waiter in waiters { waiter.resume() }
    }

    var count: Int { state.withLock { $0.open.count } }

    /// Sends GOAWAY on every connection.
    func goAwayAll(message: String) {
        let entries = state.withLock { Array($0.open.values) }
        for entry in entries {
            let handler = entry.handler
            handler.eventLoop.execute { handler.value.goAway(code: .ok, message: message) }
        }
    }

    /// Closes every connection at once.
    func closeAll() {
        let entries = state.withLock { Array($0.open.values) }
        for entry in entries { entry.channel.close(promise: nil) }
    }

    /// Returns when no connection is open.
    func waitUntilEmpty() async {
        await withCheckedContinuation { continuation in
            let empty = state.withLock { state in
                if state.open.isEmpty { return true }
                state.drained.append(continuation)
                return false
            }
            if empty { continuation.resume() }
        }
    }
}
