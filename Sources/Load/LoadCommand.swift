import ArgumentParser
import Foundation
import JCSkillsLoad
import JCSkillsProtocol
import JCSkillsRPC
import NIOCore
import NIOPosix

@main
struct LoadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jcskills-load",
        abstract: "Measure a JCSkills service, the protocol and the codec. Every run stops by itself.",
        subcommands: [EchoLoad.self, CodecLoad.self])
}

/// Options shared by every workload that calls a service.
struct TargetOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Service address; loopback or an address you name explicitly.", valueName: "host:port"))
    var endpoint: String = "127.0.0.1:7101"

    @Option(name: .long, help: ArgumentHelp("Directory with ca.crt and <id>.crt/.key. Env JCSKILLS_TLS; default .jcskills/pki.", valueName: "dir"))
    var tls: String?

    @Option(name: .customLong("as"), help: ArgumentHelp("Identity to present. Env JCSKILLS_AS; default admin.", valueName: "id"))
    var identity: String?

    @Option(name: .long, help: "Calls outstanding at once (closed loop).")
    var concurrency: Int = 64

    @Option(name: .long, help: "Connections to spread the calls over.")
    var connections: Int = 1

    @Option(name: .long, help: ArgumentHelp("Seconds to measure (after the warm-up). Default 10 unless --requests is given.", valueName: "seconds"))
    var duration: Double?

    @Option(name: .long, help: "Stop after this many measured calls.")
    var requests: Int?

    @Option(name: .long, help: ArgumentHelp("Seconds of unmeasured warm-up.", valueName: "seconds"))
    var warmup: Double = 1

    @Option(name: .long, help: ArgumentHelp("Per-call deadline in seconds.", valueName: "seconds"))
    var timeout: Double = 5

    @Flag(name: .long, help: "Print the report as JSON.")
    var json = false

    func validate() throws {
        guard Endpoint(endpoint) != nil else { throw ValidationError("--endpoint: expected HOST:PORT, got '\(endpoint)'") }
        guard concurrency >= 1, connections >= 1 else { throw ValidationError("--concurrency and --connections must be at least 1") }
        if let duration, duration <= 0 { throw ValidationError("--duration must be positive") }
        if let requests, requests <= 0 { throw ValidationError("--requests must be positive") }
    }

    var plan: ClosedLoop {
        let seconds = duration ?? (requests == nil ? 10 : nil)
        return ClosedLoop(
            concurrency: concurrency, warmup: .milliseconds(Int(warmup * 1000)),
            duration: seconds.map { .milliseconds(Int($0 * 1000)) }, requests: requests)
    }

    /// One client per connection, each on its own event loop of a group sized to the connections.
    func makeClients(group: any EventLoopGroup) throws -> [RPCClient] {
        let directory = tls ?? ProcessInfo.processInfo.environment["JCSKILLS_TLS"] ?? ".jcskills/pki"
        let name = identity ?? ProcessInfo.processInfo.environment["JCSKILLS_AS"] ?? "admin"
        var configuration = ClientConfiguration(tls: TLSFiles(directory: directory, identity: name))
        configuration.defaultTimeout = .milliseconds(Int(timeout * 1000))
        configuration.maximumAttempts = 1
        return try (0..<connections).map { _ in
            try RPCClient(endpoints: [Endpoint(endpoint)!], configuration: configuration, group: group.next())
        }
    }
}

struct EchoLoad: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "echo",
        abstract: "Unary echo calls with a fixed payload: the protocol's own cost, against any service.",
        discussion: "Every service answers jcskills.Echo for the admin identity. Example: jcskills-load echo --endpoint 127.0.0.1:7101 --concurrency 64 --duration 10")

    @OptionGroup var target: TargetOptions

    @Option(name: .long, help: "Payload bytes per request and response.")
    var payload: Int = 200

    func run() async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let clients = try target.makeClients(group: group)
        let executors = clients.map { _ in EventLoopTaskExecutor(group.next()) }
        let message = EchoMessage(payload: Array(repeating: 0x5A, count: payload))
        // Connect (and fail early with a clear message) before measuring.
        for client in clients {
            do {
                _ = try await client.unary(HealthService.check, HealthCheckRequest())
            } catch {
                FileHandle.standardError.write(Data("cannot reach \(target.endpoint): \(error)\n".utf8))
                throw ExitCode(2)
            }
        }
        let interactive = isatty(STDERR_FILENO) == 1 && !target.json
        let call: @Sendable (Int) async throws -> Void = { worker in
            _ = try await clients[worker % clients.count].unary(EchoService.echo, message)
        }
        let outcome = await target.plan.run(executors: executors, call: call, progress: interactive ? printProgress : nil)
        if interactive { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        for client in clients { await client.close() }
        try await group.shutdownGracefully()
        let report = LoadReport(
            workload: "echo \(payload) B", endpoint: target.endpoint, mode: "closed loop",
            concurrency: target.concurrency, connections: target.connections, seconds: outcome.seconds,
            calls: outcome.calls, errors: outcome.errors, callsPerSecond: Double(outcome.calls) / outcome.seconds,
            latency: LatencySummary(nanoseconds: outcome.histogram))
        print(target.json ? try report.json() : report.table())
        if report.errorCount > 0 { throw ExitCode(1) }
    }
}

struct CodecLoad: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "codec",
        abstract: "Encode and decode the labour-registration record of ANCHORS.md; ns per operation.")

    @Option(name: .long, help: "Iterations of each of encode and decode.")
    var iterations: Int = 1_000_000

    @Flag(name: .long, help: "Print JSON.")
    var json = false

    func run() throws {
        let result = try CodecBenchmark.run(iterations: iterations)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(result), as: UTF8.self))
        } else {
            print("record: \(result.encodedBytes) bytes encoded, \(result.iterations) iterations")
            print(String(format: "encode: %.0f ns/op\ndecode: %.0f ns/op", result.encodeNanoseconds, result.decodeNanoseconds))
        }
    }
}

/// The live progress line on a terminal.
@Sendable func printProgress(calls: Int, seconds: Double) {
    let rate = Double(calls) / max(seconds, 0.001)
    FileHandle.standardError.write(Data(String(format: "\r%8d calls  %6.1f s  %8.0f calls/s ", calls, seconds, rate).utf8))
}
