import JCSkillsProtocol
import JCSkillsRPC

/// Where the training service confirms a certificate: the evaluation service, asked over the
/// protocol (`VerifyCertificate` by number and holder ID number: the answer says only the
/// certificate's state, kind, level and issue date, and only when the holder matches).
struct EvaluationPeer: Sendable {
    let evaluation: RPCClient

    /// The certificates the holder of `idNumber` holds and what they are recognised as; nil when
    /// the evaluation service cannot answer in time (the record then says so).
    func recognitions(of idNumber: String, timeout: Duration?) async -> PersonRecognitions? {
        try? await evaluation.unary(EvaluationService.recognitions, RecognitionRequest(holderIDNumber: idNumber), options: CallOptions(timeout: timeout))
    }

    /// Any failure is UNAVAILABLE: nothing is recorded unchecked.
    func verify(number: String, holderIDNumber: String, timeout: Duration?) async throws -> CertificateVerification {
        do {
            return try await evaluation.unary(
                EvaluationService.verifyCertificate, CertificateVerificationRequest(number: number, holderIDNumber: holderIDNumber),
                options: CallOptions(timeout: timeout))
        } catch {
            throw RPCError(.unavailable, "cannot check certificate \(number) with the evaluation service: \(error)")
        }
    }
}
