import JCSkillsProtocol
import NIOCore
import NIOPosix
import Synchronization

/// The connections a client spreads its calls over: one per endpoint given as an address, and
/// one per address an endpoint given as a name resolves to. A name for several replicas (a
/// Kubernetes headless Service, a DNS name with several A records) thus gets a connection to
/// every replica, not one to whichever address came first, and its calls are balanced over them.
///
/// Names are resolved on the first call, again every ``ClientConfiguration/resolveInterval``,
/// and at once when every connection is failing — the moment a replica that went away has
/// probably been replaced. Replicas that appeared get a connection; connections to addresses
/// no longer listed are closed (their calls fail UNAVAILABLE, which the client retries where
/// that is safe). A failed resolution keeps the addresses known before it.
final class ReplicaSet: Sendable {
    /// Endpoints given as names, in the order given.
    private let names: [Endpoint]
    /// Connections to the endpoints given as addresses, which never change.
    private let fixed: [ClientConnection]
    private let connect: @Sendable (_ address: Endpoint, _ name: Endpoint?) -> ClientConnection
    private let resolve: NameResolver
    private let interval: TimeAmount
    private let state: Mutex<State>

    private struct State {
        var byName: [Endpoint: [ClientConnection]] = [:]
        /// `fixed`, then every name's connections: what calls pick from.
        var all: [ClientConnection]
        var nextRefresh = NIODeadline.uptimeNanoseconds(0)
        var refreshing: Task<Void, Never>?
        /// Why the last resolution of a name failed, for the error of a call that has nowhere to go.
        var failures: [Endpoint: String] = [:]
        var closed = false
    }

    /// After a resolution that failed or found nothing, the next one waits this long, so that
    /// a broken name does not send every call to the resolver.
    static let retryAfterFailure: TimeAmount = .seconds(1)

    /// - Parameter resolving: false when endpoints are not dialled by address (in-process
    ///   connections): every endpoint is then taken as it is.
    init(
        endpoints: [Endpoint], resolve: @escaping NameResolver, interval: TimeAmount, resolving: Bool = true,
        connect: @escaping @Sendable (_ address: Endpoint, _ name: Endpoint?) -> ClientConnection
    ) {
        names = resolving ? endpoints.filter { !$0.isIPAddress } : []
        fixed = endpoints.filter { !resolving || $0.isIPAddress }.map { connect($0, nil) }
        self.connect = connect
        self.resolve = resolve
        self.interval = interval
        state = Mutex(State(all: fixed))
    }

    /// The connections to choose from now; resolves names first if none is known yet. Throws
    /// UNAVAILABLE (never processed, so safe to retry) when there is none.
    func current() async throws -> [ClientConnection] {
        if names.isEmpty { return fixed }
        let (all, wait) = state.withLock { state -> ([ClientConnection], Task<Void, Never>?) in
            let due = state.nextRefresh <= .now() || state.all.allSatisfy(\.isBackingOff)
            if due, state.refreshing == nil, !state.closed {
                state.refreshing = Task { await self.refresh() }
            }
            return (state.all, state.all.isEmpty ? state.refreshing : nil)
        }
        if !all.isEmpty { return all }
        await wait?.value
        let (after, failures) = state.withLock { ($0.all, $0.failures) }
        guard after.isEmpty else { return after }
        let reasons = names.map { name in "\(name): \(failures[name] ?? "no addresses")" }.joined(separator: "; ")
        throw CallFailure(error: RPCError(.unavailable, "cannot resolve \(reasons)"), notProcessed: true)
    }

    /// Every connection open now, for closing the client.
    func close() async {
        let (connections, refreshing) = state.withLock { state in
            state.closed = true
            return (state.all, state.refreshing)
        }
        refreshing?.cancel()
        for connection in connections { await connection.shutDown() }
    }

    private func refresh() async {
        var resolved: [Endpoint: Result<[Endpoint], any Error>] = [:]
        for name in names {
            do {
                resolved[name] = .success(try await resolve(name))
            } catch {
                resolved[name] = .failure(error)
            }
        }
        let removed = state.withLock { state -> [ClientConnection] in
            var removed: [ClientConnection] = []
            var healthy = true
            for name in names {
                switch resolved[name] {
                case .success(let addresses) where !addresses.isEmpty:
                    let known = state.byName[name] ?? []
                    let kept = known.filter { addresses.contains($0.endpoint) }
                    removed += known.filter { !addresses.contains($0.endpoint) }
                    let added = unique(addresses).filter { address in !kept.contains { $0.endpoint == address } }
                    state.byName[name] = kept + (state.closed ? [] : added.map { connect($0, name) })
                    state.failures[name] = nil
                case .success:
                    healthy = false
                    state.failures[name] = "no addresses"
                case .failure(let error):
                    healthy = false
                    state.failures[name] = "\(error)"
                case nil:
                    break
                }
            }
            state.all = fixed + names.flatMap { state.byName[$0] ?? [] }
            state.nextRefresh = .now() + (healthy ? interval : Self.retryAfterFailure)
            state.refreshing = nil
            return removed
        }
        for connection in removed { await connection.shutDown() }
    }

    private func unique(_ addresses: [Endpoint]) -> [Endpoint] {
        var seen = Set<Endpoint>()
        return addresses.filter { seen.insert($0).inserted }
    }
}

/// Turns a name and port into the addresses to dial (``ClientConfiguration/nameResolver``).
public typealias NameResolver = @Sendable (Endpoint) async throws -> [Endpoint]

/// The system's resolver (`getaddrinfo`: /etc/hosts, DNS), run on NIO's blocking-work pool:
/// every IPv4 and IPv6 address of a name, in the order the system gives them.
public enum SystemNameResolver {
    public static func resolve(_ endpoint: Endpoint) async throws -> [Endpoint] {
        try await NIOThreadPool.singleton.runIfActive {
            var hints = addrinfo()
            hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
            hints.ai_protocol = Int32(IPPROTO_TCP)
            var list: UnsafeMutablePointer<addrinfo>?
            let status = getaddrinfo(endpoint.host, String(endpoint.port), &hints, &list)
            guard status == 0 else { throw NameResolutionError(name: endpoint.host, reason: String(cString: gai_strerror(status))) }
            defer { freeaddrinfo(list) }
            var addresses: [Endpoint] = []
            var entry = list
            while let info = entry?.pointee {
                if let address = info.ai_addr, let ip = try? SocketAddress(address, length: info.ai_addrlen).ipAddress {
                    addresses.append(Endpoint(host: ip, port: endpoint.port))
                }
                entry = info.ai_next
            }
            return addresses
        }
    }
}

public struct NameResolutionError: Error, CustomStringConvertible {
    public let name: String
    public let reason: String
    public var description: String { "\(name): \(reason)" }
}

extension SocketAddress {
    /// The `sockaddr` getaddrinfo returned, as NIO's address.
    init(_ address: UnsafeMutablePointer<sockaddr>, length: socklen_t) throws {
        switch Int32(address.pointee.sa_family) {
        case AF_INET:
            self = address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { SocketAddress($0.pointee, host: "") }
        case AF_INET6:
            self = address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { SocketAddress($0.pointee, host: "") }
        default:
            throw NameResolutionError(name: "", reason: "address family \(address.pointee.sa_family)")
        }
    }
}
