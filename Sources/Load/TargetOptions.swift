import ArgumentParser
import Foundation
import JCSkillsLoad
import JCSkillsMessages
import JCSkillsRPC

/// Which service to call and as whom: the options of every subcommand that calls a service.
struct ServiceAddressOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        Messages.Load.Help.serviceAddressDefaultPortHelp.text(),
        valueName: "host:port[,host:port…]"))
    var endpoint: String?

    @Option(name: .long, help: ArgumentHelp(
        Messages.Load.Help.echoHealthAbuseWhichHelp.text(),
        valueName: "name"))
    var service: String = "registry"

    @Option(name: .long, help: ArgumentHelp(Messages.Load.Help.directoryCaCrtIdHelp.text(), valueName: "dir"))
    var tls: String?

    @Option(name: .customLong("as"), help: ArgumentHelp(Messages.Load.Help.identityPresentEnvJcskillsHelp.text(), valueName: "id"))
    var identity: String?

    func validate() throws {
        for part in endpointList where Endpoint(part) == nil {
            throw ValidationError(Messages.Load.expectedHostPort("--endpoint", got: part).text())
        }
        guard ServicePorts.port(of: service) != nil else {
            throw ValidationError(Messages.Load.serviceOneOf(ServicePorts.all.map(\.service).joined(separator: ", ")).text())
        }
    }

    /// `--endpoint` split at commas: one service's replicas.
    private var endpointList: [String] {
        endpoint.map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) } ?? []
    }

    /// The endpoint: --endpoint's first, else the given service's local port.
    func resolvedEndpoint(defaultService: String? = nil) -> Endpoint {
        if let first = endpointList.first { return Endpoint(first)! }
        return Endpoint(ServicePorts.defaultEndpoint(defaultService ?? service)!)!
    }

    /// --endpoint's further replicas of the same service, after the first.
    var replicas: [Endpoint] { endpointList.dropFirst().map { Endpoint($0)! } }

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

    @Option(name: .long, help: ArgumentHelp(Messages.Load.Help.callsOutstandingOnceCallersHelp.text(), valueName: "n"))
    var concurrency: Int = 64

    @Option(name: .long, help: ArgumentHelp(Messages.Load.Help.openLoopCallsPerHelp.text(), valueName: "calls/s"))
    var rate: Double?

    @Option(name: .long, help: ArgumentHelp(Messages.Load.Help.connectionsOneClientEachHelp.text(), valueName: "n"))
    var connections: Int = 1

    @Option(name: .long, help: ArgumentHelp(Messages.Load.Help.eventLoopThreadsClientsHelp.text(), valueName: "n"))
    var threads: Int = 1

    @Option(name: .long, help: ArgumentHelp(Messages.Load.Help.secondsMeasureAfterWarmHelp.text(), valueName: "seconds"))
    var duration: Double?

    @Option(name: .long, help: ArgumentHelp(Messages.Load.Help.stopAfterManyMeasuredHelp.text(), valueName: "n"))
    var requests: Int?

    @Option(name: .long, help: ArgumentHelp(Messages.Load.Help.secondsUnmeasuredWarmUpHelp.text(), valueName: "seconds"))
    var warmup: Double = 1

    @Option(name: .long, help: ArgumentHelp(Messages.Load.Help.deadlineEachCallSecondsHelp.text(), valueName: "seconds"))
    var timeout: Double = 5

    @Option(name: .long, help: ArgumentHelp(Messages.Load.Help.proportionsWorkloadSOperationsHelp.text(), valueName: "name=weight,…"))
    var mix: String?

    @Flag(name: .long, help: ArgumentHelp(Messages.Load.Help.printReportJsonJcskillsHelp.text()))
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
        var target = LoadTarget(
            endpoint: address.resolvedEndpoint(defaultService: defaultService), tls: address.tlsFiles,
            connections: connections, callTimeout: .milliseconds(Int(timeout * 1000)), threads: threads)
        target.replicas = address.replicas
        return target
    }
}
