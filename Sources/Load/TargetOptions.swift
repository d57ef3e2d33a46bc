import ArgumentParser
import Foundation
import JCSkillsLoad
import JCSkillsMessages
import JCSkillsRPC

/// Which service to call and as whom: the options of every subcommand that calls a service.
struct ServiceAddressOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Service address. Default: 127.0.0.1 and the port of --service (or of the workload's own service).",
        valueName: "host:port"))
    var endpoint: String?

    @Option(name: .long, help: ArgumentHelp(
        "For echo, health and abuse: which local service to call when --endpoint is not given: gateway (7100), registry (7101), training (7102), evaluation (7103), competition (7104).",
        valueName: "name"))
    var service: String = "registry"

    @Option(name: .long, help: ArgumentHelp("Directory with ca.crt and <id>.crt/.key. Env JCSKILLS_TLS; default .jcskills/pki.", valueName: "dir"))
    var tls: String?

    @Option(name: .customLong("as"), help: ArgumentHelp("Identity to present. Env JCSKILLS_AS; default admin.", valueName: "id"))
    var identity: String?

    func validate() throws {
        if let endpoint, Endpoint(endpoint) == nil { throw ValidationError(Messages.Load.expectedHostPort("--endpoint", got: endpoint).text()) }
        guard ServicePorts.port(of: service) != nil else {
            throw ValidationError(Messages.Load.serviceOneOf(ServicePorts.all.map(\.service).joined(separator: ", ")).text())
        }
    }

    /// The endpoint: --endpoint, else the given service's local port.
    func resolvedEndpoint(defaultService: String? = nil) -> Endpoint {
        if let endpoint { return Endpoint(endpoint)! }
        return Endpoint(ServicePorts.defaultEndpoint(defaultService ?? service)!)!
    }

    /// The TLS files of --tls and --as (or their environment variables and defaults).
    var tlsFiles: TLSFiles {
        let directory = tls ?? ProcessInfo.processInfo.environment["JCSKILLS_TLS"] ?? ".jcskills/pki"
        let name = identity ?? ProcessInfo.processInfo.environment["JCSKILLS_AS"] ?? "admin"
        return TLSFiles(directory: directory, identity: name)
    }
}

/// The options of every workload that calls a service.
struct TargetOptions: ParsableArguments {
    @OptionGroup var address: ServiceAddressOptions

    @Option(name: .long, help: ArgumentHelp("Calls outstanding at once: the callers of a closed loop, the most in flight in an open loop.", valueName: "n"))
    var concurrency: Int = 64

    @Option(name: .long, help: ArgumentHelp("Open loop: calls per second on a fixed schedule, latency counted from when each call was due (corrects coordinated omission). Without it: closed loop.", valueName: "calls/s"))
    var rate: Double?

    @Option(name: .long, help: ArgumentHelp("Connections (one client each) to spread the callers over.", valueName: "n"))
    var connections: Int = 1

    @Option(name: .long, help: ArgumentHelp("Event-loop threads for the clients.", valueName: "n"))
    var threads: Int = 1

    @Option(name: .long, help: ArgumentHelp("Seconds to measure after the warm-up. Default 10 unless --requests is given; with both, whichever ends first.", valueName: "seconds"))
    var duration: Double?

    @Option(name: .long, help: ArgumentHelp("Stop after this many measured calls (open loop: scheduled calls).", valueName: "n"))
    var requests: Int?

    @Option(name: .long, help: ArgumentHelp("Seconds of unmeasured warm-up at the same load (its failures are still counted).", valueName: "seconds"))
    var warmup: Double = 1

    @Option(name: .long, help: ArgumentHelp("Deadline of each call, in seconds.", valueName: "seconds"))
    var timeout: Double = 5

    @Option(name: .long, help: ArgumentHelp("Proportions of the workload's operations, e.g. lookup=70,register=20,aggregate=10.", valueName: "name=weight,…"))
    var mix: String?

    @Flag(name: .long, help: "Print the report as JSON (for `jcskills-load compare`); no progress line.")
    var json = false

    func validate() throws {
        guard concurrency >= 1, connections >= 1, threads >= 1 else { throw ValidationError(Messages.Load.atLeastOne.text()) }
        if let duration, duration <= 0 { throw ValidationError(Messages.Load.mustBePositive("--duration").text()) }
        if let requests, requests <= 0 { throw ValidationError(Messages.Load.mustBePositive("--requests").text()) }
        if let rate, rate <= 0 { throw ValidationError(Messages.Load.mustBePositive("--rate").text()) }
        guard warmup >= 0, timeout > 0 else { throw ValidationError(Messages.Load.warmupAndTimeout.text()) }
    }

    var plan: LoadPlan {
        let seconds = duration ?? (requests == nil ? 10 : nil)
        return LoadPlan(
            concurrency: concurrency, rate: rate, warmup: .milliseconds(Int(warmup * 1000)),
            duration: seconds.map { .milliseconds(Int($0 * 1000)) }, requests: requests)
    }

    func target(defaultService: String? = nil) -> LoadTarget {
        LoadTarget(
            endpoint: address.resolvedEndpoint(defaultService: defaultService), tls: address.tlsFiles,
            connections: connections, callTimeout: .milliseconds(Int(timeout * 1000)), threads: threads)
    }
}
