import JCSkillsMessages
import JCSkillsProtocol
import JCSkillsRPC

/// Where a service confirms or obtains certificates: the evaluation service, asked over the
/// protocol. `VerifyCertificate` answers only a certificate's state, kind, level and issue
/// date, and only when the holder matches; `Recognitions` lists a person's valid certificates
/// (masked); `IssueCertificate` issues one, once per idempotency key.
public struct EvaluationPeer: Sendable {
    public let evaluation: RPCClient

    public init(evaluation: RPCClient) {
        self.evaluation = evaluation
    }

    /// The certificates the holder of `idNumber` holds and what they are recognised as; nil when
    /// the evaluation service cannot answer in time (a record shown without them says so).
    public func recognitionsIfAvailable(of idNumber: String, timeout: Duration?) async -> PersonRecognitions? {
        try? await recognitions(of: idNumber, timeout: timeout)
    }

    /// As ``recognitionsIfAvailable(of:timeout:)``, but any failure is UNAVAILABLE: nothing is
    /// decided on a person's certificates unchecked.
    public func recognitions(of idNumber: String, timeout: Duration?) async throws -> PersonRecognitions {
        do {
            return try await evaluation.unary(EvaluationService.recognitions, RecognitionRequest(holderIDNumber: idNumber),
                                              options: CallOptions(timeout: timeout))
        } catch {
            throw RPCError(.unavailable, Messages.Refusals.recognitionsUnasked("\(error)"))
        }
    }

    /// Any failure is UNAVAILABLE: nothing is recorded unchecked.
    public func verify(number: String, holderIDNumber: String, timeout: Duration?) async throws -> CertificateVerification {
        do {
            return try await evaluation.unary(
                EvaluationService.verifyCertificate, CertificateVerificationRequest(number: number, holderIDNumber: holderIDNumber),
                options: CallOptions(timeout: timeout))
        } catch {
            throw RPCError(.unavailable, Messages.Refusals.certificateUnchecked(number, "\(error)"))
        }
    }

    /// Many verifications in one call each ``CertificateVerificationBatch/limit``, answered in
    /// order; any failure is UNAVAILABLE, as for one.
    public func verify(_ requests: [CertificateVerificationRequest], timeout: Duration?) async throws -> [CertificateVerification] {
        var answers: [CertificateVerification] = []
        answers.reserveCapacity(requests.count)
        var start = 0
        while start < requests.count {
            let chunk = Array(requests[start..<min(start + CertificateVerificationBatch.limit, requests.count)])
            do {
                let reply = try await evaluation.unary(EvaluationService.verifyCertificates, CertificateVerificationBatch(requests: chunk),
                                                       options: CallOptions(timeout: timeout))
                guard reply.answers.count == chunk.count else {
                    throw RPCError(.internal, "\(reply.answers.count) answers to \(chunk.count) verifications")
                }
                answers += reply.answers
            } catch {
                throw RPCError(.unavailable, Messages.Refusals.certificatesUnchecked(chunk.count, "\(error)"))
            }
            start += chunk.count
        }
        return answers
    }

    /// Issues `certificate` under `idempotencyKey`: asked again with the same key (within the
    /// evaluation service's key lifetime) it returns the first certificate and issues nothing.
    /// The evaluation service's own errors come back as they are, so that the caller can tell
    /// a refusal by rule from an outage.
    public func issue(_ certificate: CertificateIssue, idempotencyKey: String, timeout: Duration?) async throws -> IssueCertificateResponse {
        try await evaluation.unary(EvaluationService.issueCertificate, certificate,
                                   options: CallOptions(timeout: timeout, idempotencyKey: idempotencyKey))
    }
}
