import ArgumentParser
import Foundation
import JCSkillsPKI
import JCSkillsRPC
import JCSkillsServiceKit

struct LocalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "local",
        abstract: "Run the whole set of services on this machine, on the embedded SQLite default.",
        subcommands: [Up.self, Down.self, Status.self])

    struct Up: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Start the five services on their default ports (7100–7104), with a development PKI made on first use.",
            discussion: """
                Everything lives under --home (default .jcskills): pki/, data/<service>/, logs/<service>.log \
                and run/<service>.pid. Waits until every service answers its health check, then \
                prints where each listens. Stop them with `jcskills local down`.
                """)

        @OptionGroup var local: LocalOptions

        @Flag(name: .long, help: "Load a small demo data set (5,000 persons, 200 enterprises; their certificates, courses, a city competition marked by its judges, studios) into the services, once.")
        var demo = false

        @Option(name: .long, help: ArgumentHelp("Seconds to wait for every service to become healthy.", valueName: "seconds"))
        var timeout: Double = 60

        func run() async throws {
            let cluster = local.cluster
            try await cluster.up(timeout: timeout)
            if demo {
                try await cluster.loadDemo()
            }
        }
    }

    struct Down: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Stop the services `local up` started (SIGTERM, then SIGKILL after --timeout).")

        @OptionGroup var local: LocalOptions

        @Option(name: .long, help: ArgumentHelp("Seconds to wait for each service to drain.", valueName: "seconds"))
        var timeout: Double = 20

        func run() async throws {
            try await local.cluster.down(timeout: timeout)
        }
    }

    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Health of each local service; exit 0 only if all are serving.")

        @OptionGroup var local: LocalOptions

        func run() async throws {
            let healthy = try await local.cluster.status()
            if !healthy { throw ExitCode(1) }
        }
    }
}

struct LocalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Where the local set keeps its PKI, data, logs and pid files.", valueName: "dir"))
    var home: String = ".jcskills"

    @Option(name: .long, help: ArgumentHelp("Directory of the jcskills-* executables. Default: next to this one.", valueName: "dir"))
    var bin: String?

    @Option(name: .long, help: ArgumentHelp("The gateway's port; the others follow it (registry +1 … competition +4, metrics +2000, dashboard +80). Default: the one this home's set was started with, else 7100.", valueName: "port"))
    var basePort: Int?

    var cluster: LocalCluster {
        LocalCluster(home: home, binaries: binaryDirectory, ports: LocalPorts.resolve(basePort, home: home))
    }

    var binaryDirectory: String {
        if let bin { return bin }
        let executable = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        return executable.resolvingSymlinksInPath().deletingLastPathComponent().path
    }
}
