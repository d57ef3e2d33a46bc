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
        abstract: Messages.Evaluation.Help.oneCertificateLookUpAbstract.text(),
        discussion: Messages.Evaluation.Help.jcskillsCertLookupJccDiscussion.text(),
        subcommands: [Lookup.self, Show.self, Export.self, Verify.self])

    struct Lookup: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Messages.Evaluation.Help.checkCertificateNumberHolderAbstract.text(),
            discussion: Messages.Evaluation.Help.wrongNameUnknownNumberDiscussion.text())
        @OptionGroup var target: EvaluationCommand.Target
        @Argument(help: ArgumentHelp(Messages.Evaluation.Help.certificateNumberHelp.text())) var number: String
        @Option(name: .long, help: ArgumentHelp(Messages.Evaluation.Help.holderSNamePrintedHelp.text())) var name: String

        func run() async throws {
            let answer = try await target.call { client in
                try await client.unary(EvaluationService.verifyCertificate, CertificateVerificationRequest(number: number, holderName: name))
            }
            print(Messages.Evaluation.lookupAnswer(number: number, state: "\(answer.state)").text())
            if answer.state != .valid { throw ExitCode.failure }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: Messages.Evaluation.Help.showCertificateHolderMaskedAbstract.text())
        @OptionGroup var target: EvaluationCommand.Target
        @Argument(help: ArgumentHelp(Messages.Evaluation.Help.certificateNumberHelp.text())) var number: String

        func run() async throws {
            let view = try await target.call { client in try await client.unary(EvaluationService.getCertificate, CertificateLookup(number: number)) }
            print(EvaluationReports.certificate(view))
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Messages.Evaluation.Help.exportCertificateSignedCityAbstract.text(),
            discussion: Messages.Evaluation.Help.fileListsSignedFieldsDiscussion.text())
        @OptionGroup var target: EvaluationCommand.Target
        @Argument(help: ArgumentHelp(Messages.Evaluation.Help.certificateNumberHelp.text())) var number: String
        @Option(name: .long, help: ArgumentHelp(Messages.Evaluation.Help.outputFileDefaultStandardHelp.text(), valueName: "file")) var out: String?

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
            abstract: Messages.Evaluation.Help.verifyExportedCertificateOfflineAbstract.text(),
            discussion: Messages.Evaluation.Help.rebuildsSignedFieldsFromDiscussion.text())
        @OptionGroup var client: ClientOptions
        @Argument(help: ArgumentHelp(Messages.Evaluation.Help.exportedCertificateHelp.text(), valueName: "file")) var file: String
        @Option(name: .customLong("public-key"), help: ArgumentHelp(Messages.Evaluation.Help.citySPublicKeyHelp.text(), valueName: "path"))
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
