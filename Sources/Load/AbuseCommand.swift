import ArgumentParser
import Foundation
import JCSkillsLoad
import JCSkillsMessages
import Synchronization

struct AbuseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "abuse",
        abstract: "Abusive clients with a valid certificate: what the server's limits must hold against.",
        discussion: """
            Each connection is one of these kinds (given out round-robin):
              slow-reader    Expand calls (jcskills.Echo) for huge counts and large payloads,
                             up to the stream limit, then never reads the socket
              ping-flood     PINGs, 64 KiB a write, never reading the acks
              partial-frame  a MESSAGE header announcing 60 KiB, then the payload 16 bytes
                             every 10 ms, never completed (every read ends mid-frame); then
                             a fresh connection
              unfinished     client-streaming calls up to the stream limit, fed 16 KiB MORE
                             fragments (one every 10 ms) forever; a call the server ends is
                             replaced
              idle-stream    HEADERS without deadline and nothing else, up to the stream limit,
                             every call shape; a call the server ends is replaced
            A connection the server closes or refuses is counted (by kind and by its GOAWAY)
            and opened again after 250 ms. The run stops by itself after --duration and
            prints what the server did to each kind. Echo is open to admin only: run as
            admin (the default). Run it beside a normal workload to see what abuse costs
            the other callers (Benchmarks/soak.sh). Loopback or a service you run only.
            Example:
              jcskills-load abuse --service registry --connections 100 --duration 60
            """)

    @OptionGroup var address: ServiceAddressOptions

    @Option(name: .long, help: ArgumentHelp("Abusive connections held at once.", valueName: "n"))
    var connections: Int = 100

    @Option(name: .long, help: ArgumentHelp("Which kinds, spread round-robin: slow-reader, ping-flood, partial-frame, unfinished, idle-stream, or all.", valueName: "kind,…"))
    var kinds: String = "all"

    @Option(name: .long, help: ArgumentHelp("Seconds to run.", valueName: "seconds"))
    var duration: Double = 30

    @Option(name: .long, help: ArgumentHelp("Slow reader: payload bytes of each Expand request, so of each response.", valueName: "bytes"))
    var payload: Int = AbuseSettings().expandPayloadBytes

    @Option(name: .long, help: ArgumentHelp("Slow reader: the flow-control window it advertises for responses.", valueName: "bytes"))
    var window: UInt32 = AbuseSettings().slowReaderWindow

    @Option(name: .long, help: ArgumentHelp("Event-loop threads for the abusers' sockets.", valueName: "n"))
    var threads: Int = 1

    @Flag(name: .long, help: "Print the summary as JSON; progress lines only every 10 s, on stderr.")
    var json = false

    func validate() throws {
        guard connections >= 1, threads >= 1 else { throw ValidationError(Messages.Load.connectionsAndThreads.text()) }
        guard duration > 0 else { throw ValidationError(Messages.Load.mustBePositive("--duration").text()) }
        guard payload >= 0, payload < 4 << 20 else { throw ValidationError(Messages.Load.payloadRange.text()) }
        guard window >= 1 else { throw ValidationError(Messages.Load.mustBeAtLeastOne("--window").text()) }
        if case .failure(let error) = AbuseKind.list(kinds) { throw ValidationError(Messages.Load.kinds("\(error)").text()) }
    }

    func run() async throws {
        var plan = AbusePlan(
            endpoint: address.resolvedEndpoint(), tls: address.tlsFiles, kinds: try AbuseKind.list(kinds).get(),
            connections: connections, duration: .milliseconds(Int(duration * 1000)))
        plan.settings.expandPayloadBytes = payload
        plan.settings.slowReaderWindow = window
        plan.threads = threads
        let interactive = isatty(STDERR_FILENO) == 1 && !json
        let lines = Counter()
        let progress: @Sendable (String) -> Void = { line in
            if interactive {
                writeError("\r\u{1B}[K" + line)
            } else if lines.next() % 10 == 9 {
                writeError(line + "\n")
            }
        }
        let report: AbuseReport
        do {
            report = try await AbuseRun.run(plan, progress: progress)
        } catch {
            if interactive { writeError("\r\u{1B}[K") }
            writeError(Messages.Load.abuseFailed("\(error)").text() + "\n")
            throw ExitCode(2)
        }
        if interactive { writeError("\r\u{1B}[K") }
        print(json ? try report.json() : report.table())
        if report.kinds.allSatisfy({ $0.established == 0 }) {
            writeError(Messages.Load.noConnection("\(plan.endpoint)").text() + "\n")
            throw ExitCode(1)
        }
    }
}

/// Numbers the progress lines, so that a non-interactive run prints every tenth.
private final class Counter: Sendable {
    private let value = Mutex(0)
    func next() -> Int {
        value.withLock { count in
            defer { count += 1 }
            return count
        }
    }
}
