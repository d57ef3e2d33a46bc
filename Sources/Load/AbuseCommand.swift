import ArgumentParser
import Foundation
import JCSkillsLoad
import JCSkillsMessages
import Synchronization

struct AbuseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "abuse",
        abstract: Messages.Load.Help.abusiveClientsValidCertificateAbstract.text(),
        discussion: Messages.Load.Help.eachConnectionOneTheseDiscussion.text())

    @OptionGroup var address: ServiceAddressOptions

    @Option(name: .long, help: ArgumentHelp(Messages.Load.Help.abusiveConnectionsHeldOnceHelp.text(), valueName: "n"))
    var connections: Int = 100

    @Option(name: .long, help: ArgumentHelp(Messages.Load.Help.whichKindsSpreadRoundHelp.text(), valueName: "kind,…"))
    var kinds: String = "all"

    @Option(name: .long, help: ArgumentHelp(Messages.Load.Help.secondsRunHelp.text(), valueName: "seconds"))
    var duration: Double = 30

    @Option(name: .long, help: ArgumentHelp(Messages.Load.Help.slowReaderPayloadBytesHelp.text(), valueName: "bytes"))
    var payload: Int = AbuseSettings().expandPayloadBytes

    @Option(name: .long, help: ArgumentHelp(Messages.Load.Help.slowReaderFlowControlHelp.text(), valueName: "bytes"))
    var window: UInt32 = AbuseSettings().slowReaderWindow

    @Option(name: .long, help: ArgumentHelp(Messages.Load.Help.eventLoopThreadsAbusersHelp.text(), valueName: "n"))
    var threads: Int = 1

    @Flag(name: .long, help: ArgumentHelp(Messages.Load.Help.printSummaryJsonProgressHelp.text()))
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
