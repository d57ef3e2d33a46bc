import ArgumentParser
import JCSkillsLoad

struct GatewayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gateway",
        abstract: "The gateway's mix: Totals for the city, a county, and every county.",
        discussion: """
            Operations and default weights: city 80, county 15 (the six counties in turn),
            all-counties 5 (the city plus a breakdown: seven questions to each source). Every
            call asks the sources afresh unless --cached is given. A partial answer (a source
            missed its deadline) counts as an error (DEADLINE_EXCEEDED), and the run refuses to
            start when the first answer is partial. Default endpoint 127.0.0.1:7100. Example:
              jcskills-load gateway --duration 10 --concurrency 64
            """)

    @OptionGroup var target: TargetOptions

    @Flag(name: .long, help: "Let the gateway answer from its short cache (measures the cache, not the fan-out).")
    var cached = false

    func run() async throws {
        try await runWorkload(GatewayWorkload(fresh: !cached), target, defaultService: "gateway")
    }
}
