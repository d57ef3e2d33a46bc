import ArgumentParser
import JCSkillsPKI

struct PKICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pki", abstract: "Certificates for a development or test site.",
        subcommands: [Initialise.self])

    struct Initialise: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init",
            abstract: "Create a development CA and an identity for every service, the admin, and any --extra.",
            discussion: """
                Writes DIR/ca.crt, DIR/ca.key and DIR/<id>.crt, DIR/<id>.key (PEM, ECDSA P-256) for \
                registry, training, evaluation, competition, gateway and admin, each with SANs \
                localhost, 127.0.0.1 and jcskills://<id>. An existing CA is kept and only missing \
                identities are added, unless --force. Also writes the city's Ed25519 certificate-signing \
                key, DIR/city-signing.key (kept secret, read by the evaluation service) and \
                DIR/city-signing.pub (give it to whoever verifies exported certificates); an existing \
                one is kept. Production sites bring their own PEM files (deploy/pki/README.md).
                """)

        @Option(name: .long, help: ArgumentHelp("Output directory.", valueName: "dir"))
        var out: String

        @Option(name: .long, help: ArgumentHelp("More identities, e.g. county-140524 or auditor (repeatable).", valueName: "id"))
        var extra: [String] = []

        @Flag(name: .long, help: "Replace an existing CA and every listed identity.")
        var force = false

        func run() throws {
            let summary = try DevelopmentPKI.initialise(
                at: out, extraIdentities: extra.map { IdentityRequest(id: $0) }, overwrite: force)
            print(summary)
            if try CitySigningKey.create(in: out) {
                print("created the city's certificate-signing key \(out)/\(CitySigningKey.privateKeyFileName) (public: \(CitySigningKey.publicKeyFileName))")
            }
        }
    }
}
