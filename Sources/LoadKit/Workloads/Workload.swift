import JCSkillsRPC

/// What `jcskills-load` drives: a service's calls, in proportions.
///
/// A service workload is a few lines: its operations (each a name, a weight and a closure that
/// makes one call) and, when it needs fixtures, a `setUp`. For example, once the registry
/// exists:
/// ```swift
/// struct RegistryWorkload: Workload {
///     let name = "registry"
///     var operations: [LoadOperation] {
///         [LoadOperation("lookup", weight: 70) { client, n in _ = try await client.unary(RegistryService.lookup, .init(index: n)) },
///          LoadOperation("register", weight: 20) { client, n in _ = try await client.unary(RegistryService.register, .fresh(n)) }]
///     }
/// }
/// ```
/// and a subcommand in `Sources/Load` that names it. `--mix lookup=80,register=20` changes the
/// weights without code (``WorkloadMix``).
public protocol Workload: Sendable {
    /// The name on the command line and in reports, e.g. `"echo"`.
    var name: String { get }
    /// How reports name the run, e.g. `"echo, 200-byte payload"`; default ``name``.
    var label: String { get }
    /// The kinds of call and their default proportions.
    var operations: [LoadOperation] { get }
    /// Runs once before the warm-up, untimed: create what the calls need (people to look up, …).
    func setUp(_ client: RPCClient) async throws
}

extension Workload {
    public var label: String { name }
    public func setUp(_ client: RPCClient) async throws {}
}

/// One kind of call in a workload.
public struct LoadOperation: Sendable {
    public var name: String
    /// Relative share of the calls (any positive scale: 70/20/10 or 7/2/1).
    public var weight: Int
    /// Makes one call. `sequence` numbers the run's calls from 0, for fresh data per call.
    public var perform: @Sendable (_ client: RPCClient, _ sequence: Int) async throws -> Void

    public init(_ name: String, weight: Int = 1, perform: @escaping @Sendable (_ client: RPCClient, _ sequence: Int) async throws -> Void) {
        precondition(weight >= 0, "weights are not negative")
        self.name = name
        self.weight = weight
        self.perform = perform
    }
}
