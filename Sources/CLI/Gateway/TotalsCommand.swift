import ArgumentParser
import Foundation
import JCSkillsMessages
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsServiceKit

/// `jcskills totals`: where the city stands against the plan, from the gateway.
struct TotalsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "totals",
        abstract: Messages.Totals.abstract.text(),
        discussion: Messages.Totals.discussion.text())

    @OptionGroup var client: ClientOptions
    @Option(name: .long, help: ArgumentHelp(Messages.Totals.endpointHelp.text(), valueName: Messages.Totals.endpointValue.text()))
    var endpoint: String = "127.0.0.1:\(ServiceKind.gateway.defaultPort)"
    @Option(name: .long, help: ArgumentHelp(Messages.Totals.countyHelp.text(), valueName: Messages.Totals.countyValue.text()))
    var county: String?
    @Option(name: .customLong("as-of"), help: ArgumentHelp(Messages.Totals.asOfHelp.text(), valueName: Messages.Totals.asOfValue.text()))
    var asOf: String?
    @Option(name: .long, help: ArgumentHelp(Messages.Totals.yearHelp.text()))
    var year: Int32 = 0
    @Option(name: .long, help: ArgumentHelp(Messages.Totals.deadlineHelp.text(), valueName: Messages.Totals.deadlineValue.text()))
    var deadline: Int = 3_000
    @Flag(name: .long, help: ArgumentHelp(Messages.Totals.freshHelp.text()))
    var fresh = false
    @Flag(name: .long, help: ArgumentHelp(Messages.Totals.jsonHelp.text()))
    var json = false
    @Flag(name: .long, help: ArgumentHelp(Messages.Totals.watchHelp.text()))
    var watch = false
    @Flag(name: .long, help: ArgumentHelp(Messages.Totals.planHelp.text()))
    var plan = false

    static let partialExitCode: Int32 = 3

    func run() async throws {
        var request = TotalsRequest(fresh: fresh)
        switch county {
        case nil: request.county = 0
        case "all"?: request.county = TotalsRequest.everyCounty
        case let text?:
            guard let code = Int32(text), JinchengDivisions.isJinchengCounty(code) || code == 0 else {
                throw ValidationError(Messages.Totals.badCounty(text, codes: JinchengDivisions.countyCodes.map(String.init).joined(separator: ", ")).text())
            }
            request.county = code
        }
        if let asOf {
            guard let date = CalendarDate.parse(asOf) else { throw ValidationError(Messages.Totals.badAsOf(asOf).text()) }
            request.asOf = date.yyyymmdd
        }
        request.year = year
        guard let target = Endpoint(endpoint) else { throw ValidationError(Messages.Errors.expectedEndpoint(endpoint).text()) }

        if watch { return try await watchTotals(request, target) }
        let rpc = try client.client([target], timeout: .milliseconds(Int64(deadline)))
        let totals: Totals
        do {
            totals = try await rpc.unary(GatewayService.totals, request)
            await rpc.close()
        } catch {
            await rpc.close()
            throw CLIError(Messages.Totals.gatewayDidNotAnswer(endpoint, Self.describe(error)))
        }
        print(render(totals, terminal: isatty(STDOUT_FILENO) == 1), terminator: "")
        if totals.partial { throw ExitCode(Self.partialExitCode) }
    }

    private func render(_ totals: Totals, terminal: Bool) -> String {
        if json { return TotalsJSON.render(totals) + "\n" }
        if plan { return TotalsPlanView(totals: totals, colour: terminal).render() }
        return TotalsTable(totals: totals, colour: terminal).render()
    }

    /// A service's refusal in the reader's language; anything else as it describes itself.
    private static func describe(_ error: any Error) -> String {
        if let rpc = error as? RPCError { return Messages.Errors.service(code: rpc.code.name, message: rpc.message) }
        return "\(error)"
    }

    /// Prints each set `Watch` sends until interrupted; a lost gateway ends it with an error.
    private func watchTotals(_ request: TotalsRequest, _ target: Endpoint) async throws {
        let rpc = try client.client([target], timeout: .seconds(365 * 24 * 3600))
        var watchRequest = WatchRequest()
        watchRequest.totals = request
        do {
            try await rpc.serverStreaming(GatewayService.watch, watchRequest) { stream in
                for try await totals in stream {
                    let terminal = isatty(STDOUT_FILENO) == 1
                    // On a terminal each set replaces the last one on the screen.
                    let text = (terminal && !json ? "\u{1B}[H\u{1B}[2J" : "") + render(totals, terminal: terminal) + (json ? "" : "\n")
                    // Unbuffered, so a pipe sees each set as it comes.
                    FileHandle.standardOutput.write(Data(text.utf8))
                }
            }
            await rpc.close()
        } catch {
            await rpc.close()
            throw CLIError(Messages.Totals.watchFailed(endpoint, Self.describe(error)))
        }
    }
}
