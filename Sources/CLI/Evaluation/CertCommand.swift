import ArgumentParser
import Foundation
import JCSkillsDemoData
import JCSkillsMessages
import JCSkillsPKI
import JCSkillsProtocol
import JCSkillsRPC

struct CertCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cert",
        abstract: "One certificate: look it up, show it, export it signed, verify an exported file offline.",
        discussion: """
              jcskills cert lookup JCC202100000001 --name 王晓明     anyone identified: valid/expired/revoked/superseded/unknown
              jcskills cert export JCC202100000001 > cert.txt       signed with the city's key
              jcskills cert verify cert.txt --public-key city-signing.pub   offline, no service needed
            """,
        subcommands: [Lookup.self, Show.self, Export.self, Verify.self])

    struct Lookup: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a certificate by number and holder name: its state, nothing else.",
            discussion: "A wrong name and an unknown number both answer 'unknown'. Exit 0 when valid, 1 otherwise.")
        @OptionGroup var target: EvaluationCommand.Target
        @Argument(help: "Certificate number.") var number: String
        @Option(name: .long, help: "The holder's name as printed.") var name: String

        func run() async throws {
            let answer = try await target.call { client in
                try await client.unary(EvaluationService.verifyCertificate, CertificateVerificationRequest(number: number, holderName: name))
            }
            print(Messages.Evaluation.lookupAnswer(number: number, state: "\(answer.state)").text())
            if answer.state != .valid { throw ExitCode.failure }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a certificate (holder masked): evaluation staff, county offices, auditors.")
        @OptionGroup var target: EvaluationCommand.Target
        @Argument(help: "Certificate number.") var number: String

        func run() async throws {
            let view = try await target.call { client in try await client.unary(EvaluationService.getCertificate, CertificateLookup(number: number)) }
            print(EvaluationReports.certificate(view))
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export a certificate signed with the city's key (to standard output or --out).",
            discussion: """
                The file lists the signed fields one a line (the holder's name in full, the ID number \
                masked, the state on the day of signing) and the Ed25519 signature; check it with \
                `jcskills cert verify FILE`. Admin or evaluation-office only; audited.
                """)
        @OptionGroup var target: EvaluationCommand.Target
        @Argument(help: "Certificate number.") var number: String
        @Option(name: .long, help: ArgumentHelp("Output file; default standard output.", valueName: "file")) var out: String?

        func run() async throws {
            let signed = try await target.call { client in try await client.unary(EvaluationService.exportCertificate, CertificateLookup(number: number)) }
            let text = CertificateDocument.text(signed)
            if let out {
                try text.write(toFile: out, atomically: true, encoding: .utf8)
            } else {
                print(text, terminator: "")
            }
        }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Verify an exported certificate offline with the city's public key.",
            discussion: """
                Rebuilds the signed fields from the file and checks the Ed25519 signature. Exit 0: \
                the signature is the city's and no signed field was changed (the file says the state \
                on the day it was signed; `cert lookup` gives today's). Exit 1: tampered, or signed \
                by another key. Exit 2: the file or key cannot be read.
                """)
        @OptionGroup var client: ClientOptions
        @Argument(help: ArgumentHelp("The exported certificate.", valueName: "file")) var file: String
        @Option(name: .customLong("public-key"), help: ArgumentHelp("The city's public key (PEM); default city-signing.pub in the TLS directory.", valueName: "path"))
        var publicKey: String?

        func run() throws {
            let keyPath = publicKey ?? "\(client.tlsDirectory)/\(CitySigningKey.publicKeyFileName)"
            let signed: SignedCertificate
            let keyID: String
            do {
                guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { throw CLIError(Messages.Evaluation.cannotRead(file)) }
                signed = try CertificateDocument.parse(text)
                keyID = try CitySigningKey.keyID(publicKeyAt: keyPath)
            } catch {
                FileHandle.standardError.write(Data((Messages.Evaluation.cannotVerify(file, error: "\(error)").text() + "\n").utf8))
                throw ExitCode(2)
            }
            let valid = (try? CitySigningKey.verify(signature: signed.signature.bytes, of: signed.body.wireBytes(), publicKeyAt: keyPath)) ?? false
            guard valid else {
                let why = signed.body.keyID == keyID
                    ? Messages.Evaluation.contentsChanged.text()
                    : Messages.Evaluation.otherKey(signed.body.keyID, this: keyID).text()
                print(Messages.Evaluation.invalid(file, why: why).text())
                throw ExitCode.failure
            }
            let body = signed.body
            print(Messages.Evaluation.valid(number: body.number, holder: body.holderName, id: body.holderIDMasked,
                                           kind: Vocabulary.word(EvaluationCSVFormat.certificateKind, body.kind), occupation: body.occupation,
                                           level: body.level == .unspecified ? "" : body.level.chineseName).text())
            print(Messages.Evaluation.signed(on: EvaluationReports.date(body.signedOn), key: body.keyID, state: "\(body.state)").text())
        }
    }
}
