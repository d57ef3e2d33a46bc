import JCSkillsExecutors
import JCSkillsMessages
import JCSkillsProtocol
import JCSkillsRPC
import NIOCore
import NIOPosix

/// Where and as whom a run calls.
public struct LoadTarget: Sendable {
    public var endpoint: Endpoint
    /// More replicas of the same service: every client lists them after ``endpoint`` and
    /// spreads its calls over all of them, as a service's `--peer name=a,b` does.
    public var replicas: [Endpoint] = []
    public var tls: TLSFiles
    /// Connections to spread the callers over (one client each).
    public var connections: Int
    /// Deadline of every call.
    public var callTimeout: Duration
    /// Event-loop threads for the clients; default 1 (the service shares this machine).
    public var threads: Int

    public init(endpoint: Endpoint, tls: TLSFiles, connections: Int = 1, callTimeout: Duration = .seconds(5), threads: Int = 1) {
        precondition(connections >= 1 && threads >= 1, "at least one connection and one thread")
        self.endpoint = endpoint
        self.tls = tls
        self.connections = connections
        self.callTimeout = callTimeout
        self.threads = threads
    }

    /// Every endpoint a client calls: ``endpoint`` and the ``replicas``.
    public var endpoints: [Endpoint] { [endpoint] + replicas }

    /// `host:port`, or `host:port,host:port` for replicas, as the report names the target.
    public var endpointsDescription: String { endpoints.map(\.description).joined(separator: ",") }
}

/// A workload's setup failed, so nothing was measured.
public struct LoadSetupError: Error, CustomStringConvertible {
    public let workload: String
    public let underlying: any Error
    public var description: String { Messages.Load.setupFailed(workload, error: "\(underlying)").text() }
}

/// One whole run: clients, the workload's setup, the plan, the report.
public enum LoadSession {
    /// - Parameter mix: `--mix` text (``WorkloadMix``); nil keeps the workload's proportions.
    public static func run(
        _ workload: any Workload, target: LoadTarget, plan: LoadPlan, mix: String? = nil,
        progress: (@Sendable (LoadProgress) -> Void)? = nil
    ) async throws -> LoadReport {
        var operations = workload.operations
        if let mix { operations = try WorkloadMix.apply(mix, to: operations) }
        let picker = OperationPicker(operations)

        var configuration = ClientConfiguration(tls: target.tls)
        configuration.defaultTimeout = target.callTimeout
        // Every call is counted as itself: a retry would hide a failure and add a hidden call.
        configuration.maximumAttempts = 1
        let group = MultiThreadedEventLoopGroup(numberOfThreads: target.threads)
        let loops = (0..<target.connections).map { _ in group.next() }
        let clients: [RPCClient]
        do {
            clients = try loops.map { try RPCClient(endpoints: target.endpoints, configuration: configuration, group: $0) }
        } catch {
            try? await group.shutdownGracefully()
            throw error
        }
        // Caller `w` uses client `w % connections` and runs on that client's event loop, so a
        // call needs no thread hop that the protocol itself does not.
        let executors: [any TaskExecutor] = loops.map { EventLoopTaskExecutor($0) }
        let outcome: LoadOutcome
        do {
            do {
                try await workload.setUp(clients[0])
            } catch let error as RPCError where error.code == .unavailable {
                // A stopped service is a finding to report like any failed call, not a crash.
                for client in clients { await client.close() }
                try? await group.shutdownGracefully()
                return LoadReport(
                    workload: workload.label, endpoint: target.endpointsDescription, plan: plan,
                    connections: target.connections, unreachable: error)
            } catch {
                throw LoadSetupError(workload: workload.name, underlying: error)
            }
            outcome = await LoadRunner.run(plan, executors: executors, operations: picker.operationIndex, progress: progress) { worker, sequence in
                try await picker.operation(for: sequence).perform(clients[worker % clients.count], sequence)
            }
        } catch {
            for client in clients { await client.close() }
            try? await group.shutdownGracefully()
            throw error
        }
        for client in clients { await client.close() }
        try? await group.shutdownGracefully()
        return LoadReport(
            workload: workload.label, endpoint: target.endpointsDescription, plan: plan,
            connections: target.connections, outcome: outcome)
    }
}
