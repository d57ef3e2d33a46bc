import ArgumentParser
import JCSkillsMessages
import JCSkillsPKI

struct PKICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pki", abstract: Messages.PKI.abstract.text(),
        subcommands: [Initialise.self, RevokeCommand.self])

    struct Initialise: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init",
            abstract: Messages.PKI.initAbstract.text(),
            discussion: Messages.PKI.initDiscussion.text())

        @Option(name: .long, help: ArgumentHelp(Messages.PKI.outHelp.text(), valueName: "dir"))
        var out: String

        @Option(name: .long, help: ArgumentHelp(Messages.PKI.extraHelp.text(), valueName: "id"))
        var extra: [String] = []

        @Flag(name: .long, help: ArgumentHelp(Messages.PKI.forceHelp.text()))
        var force = false

        func run() throws {
            let summary = try DevelopmentPKI.initialise(
                at: out, extraIdentities: extra.map { IdentityRequest(id: $0) }, overwrite: force)
            print(Messages.PKI.summary(summary))
            if try CitySigningKey.create(in: out) {
                print(Messages.PKI.signingKeyCreated("\(out)/\(CitySigningKey.privateKeyFileName)", publicKey: CitySigningKey.publicKeyFileName).text())
            }
        }
    }
}
