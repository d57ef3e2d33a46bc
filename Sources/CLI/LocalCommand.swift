import ArgumentParser
import Foundation
import JCSkillsDemoData
import JCSkillsMessages
import JCSkillsPKI
import JCSkillsRPC
import JCSkillsServiceKit

struct LocalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "local",
        abstract: Messages.Demo.localAbstract.text(),
        subcommands: [Up.self, Down.self, Status.self])

    struct Up: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Messages.Demo.upAbstract.text(), discussion: Messages.Demo.upDiscussion.text())

        @OptionGroup var local: LocalOptions

        @Flag(name: .long, help: ArgumentHelp(Messages.Demo.demoHelp.text()))
        var demo = false

        /// ArgumentParser gives no option a value only when one follows, so the size is the
        /// positional argument after `--demo`: `--demo`, `--demo plan`, `--demo small`.
        @Argument(help: ArgumentHelp(Messages.Demo.demoSizeHelp.text(), valueName: "plan|small"))
        var demoSize: DemoSize?

        @Option(name: .long, help: ArgumentHelp(Messages.Demo.timeoutHelp.text(), valueName: "seconds"))
        var timeout: Double = 60

        func validate() throws {
            if demoSize != nil, !demo { throw ValidationError(Messages.Demo.sizeWithoutDemo.text()) }
        }

        func run() async throws {
            let cluster = local.cluster
            try await cluster.up(timeout: timeout)
            if demo {
                try await cluster.loadDemo(size: demoSize ?? .plan)
            }
        }
    }

    struct Down: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: Messages.Demo.downAbstract.text())

        @OptionGroup var local: LocalOptions

        @Option(name: .long, help: ArgumentHelp(Messages.Demo.drainHelp.text(), valueName: "seconds"))
        var timeout: Double = 20

        func run() async throws {
            try await local.cluster.down(timeout: timeout)
        }
    }

    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: Messages.Demo.statusAbstract.text())

        @OptionGroup var local: LocalOptions

        func run() async throws {
            let healthy = try await local.cluster.status()
            if !healthy { throw ExitCode(1) }
        }
    }
}

struct LocalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(Messages.Demo.homeHelp.text(), valueName: "dir"))
    var home: String = ".jcskills"

    @Option(name: .long, help: ArgumentHelp(Messages.Demo.binHelp.text(), valueName: "dir"))
    var bin: String?

    @Option(name: .long, help: ArgumentHelp(Messages.Demo.basePortHelp.text(), valueName: "port"))
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
