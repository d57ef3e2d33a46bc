import ArgumentParser
import Foundation
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsServiceKit

/// `jcskills totals`: where the city stands against the plan, from the gateway.
struct TotalsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "totals",
        abstract: "The city's indicators against the plan: value, target, progress and status.",
        discussion: """
            Asks the gateway, which asks every department's service at once. A service that does \
            not answer in time makes its indicators `unavailable` (with the last known value) while \
            the rest are still shown. Exit 0 when every source answered, 3 when the answer is \
            partial, 1 when the gateway itself could not be asked.
            """)

    @OptionGroup var client: ClientOptions
    @Option(name: .long, help: ArgumentHelp("The gateway's address.", valueName: "host:port"))
    var endpoint: String = "127.0.0.1:\(ServiceKind.gateway.defaultPort)"
    @Option(name: .long, help: ArgumentHelp("A county code, or `all` for the city with a breakdown by county; default the city.", valueName: "code|all"))
    var county: String?
    @Option(name: .customLong("as-of"), help: ArgumentHelp("The date the numbers are for (YYYY-MM-DD); default today.", valueName: "date"))
    var asOf: String?
    @Option(name: .long, help: "The year of the yearly indicators; default the as-of date's year.")
    var year: Int32 = 0
    @Option(name: .long, help: ArgumentHelp("How long to wait for the answer, in milliseconds.", valueName: "ms"))
    var deadline: Int = 3_000
    @Flag(name: .long, help: "Ask the sources now rather than take the gateway's few-second cache.")
    var fresh = false
    @Flag(name: .long, help: "Print JSON (for scripts) instead of the table.")
    var json = false
    @Flag(name: .long, help: "Keep watching: print the set again whenever a value changes (Ctrl-C to stop).")
    var watch = false

    static let partialExitCode: Int32 = 3

    func run() async throws {
        var request = TotalsRequest(fresh: fresh)
        switch county {
        case nil: request.county = 0
        case "all"?: request.county = TotalsRequest.everyCounty
        case let text?:
            guard let code = Int32(text), JinchengDivisions.isJinchengCounty(code) || code == 0 else {
                throw ValidationError("--county: expected a Jincheng county code (\(JinchengDivisions.countyCodes.map(String.init).joined(separator: ", "))) or all, got '\(text)'")
            }
            request.county = code
        }
        if let asOf {
            guard let date = CalendarDate.parse(asOf) else { throw ValidationError("--as-of: expected YYYY-MM-DD, got '\(asOf)'") }
            request.asOf = date.yyyymmdd
        }
        request.year = year
        guard let target = Endpoint(endpoint) else { throw ValidationError("--endpoint: expected HOST:PORT, got '\(endpoint)'") }

        if watch { return try await watchTotals(request, target) }
        let rpc = try client.client([target], timeout: .milliseconds(Int64(deadline)))
        let totals: Totals
        do {
            totals = try await rpc.unary(GatewayService.totals, request)
            await rpc.close()
        } catch {
            await rpc.close()
            throw CLIError("the gateway at \(endpoint) did not answer: \(error)")
        }
        if json {
            print(TotalsJSON.render(totals))
        } else {
            print(TotalsTable(totals: totals, colour: isatty(STDOUT_FILENO) == 1).render(), terminator: "")
        }
        if totals.partial { throw ExitCode(Self.partialExitCode) }
    }

    /// Prints each set `Watch` sends until interrupted; a lost gateway ends it with an error.
    private func watchTotals(_ request: TotalsRequest, _ target: Endpoint) async throws {
        let rpc = try client.client([target], timeout: .seconds(365 * 24 * 3600))
        var watchRequest = WatchRequest()
        watchRequest.totals = request
        do {
            try await rpc.serverStreaming(GatewayService.watch, watchRequest) { stream in
                for try await totals in stream {
                    let text: String
                    if json {
                        text = TotalsJSON.render(totals) + "\n"
                    } else {
                        let terminal = isatty(STDOUT_FILENO) == 1
                        // On a terminal each set replaces the last one on the screen.
                        text = (terminal ? "\u{1B}[H\u{1B}[2J" : "") + TotalsTable(totals: totals, colour: terminal).render() + "\n"
                    }
                    // Unbuffered, so a pipe sees each set as it comes.
                    FileHandle.standardOutput.write(Data(text.utf8))
                }
            }
            await rpc.close()
        } catch {
            await rpc.close()
            throw CLIError("watching the gateway at \(endpoint): \(error)")
        }
    }
}
