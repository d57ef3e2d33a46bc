import Foundation
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsServiceKit
import JCSkillsStore
import Logging
import ServiceLifecycle

/// Asks the evaluation service for the certificates of pending promotions (docs/COMPETITIONS.md,
/// "Awards and promotion"): the target level decided once and stored first, the certificate
/// issued under the award's idempotency key, an answer lost found again among the winner's
/// certificates. The evaluation service down: the award stays pending and the next pass tries
/// again; never lost, never doubled.
struct AwardPromoter: Sendable {
    let store: Store
    let awards: AwardRepository
    let personal: PersonalData
    let evaluation: EvaluationPeer
    let logger: Logger
    /// How long one call to the evaluation service may take.
    var callTimeout: Duration = .seconds(10)

    static let audit = AuditContext(principal: "competition", method: "award-promotion", requestID: "")
    static let pageSize = 200

    struct Pass: Equatable, Sendable {
        var issued = 0
        var atTopLevel = 0
        var refused = 0
        var waiting = 0
    }

    /// One pass over the pending promotions.
    @discardableResult
    func promotePending() async throws -> Pass {
        var pass = Pass()
        let pending = try await store.query { db in try await awards.pending(limit: Self.pageSize, in: db) }
        for award in pending {
            switch try await promote(award) {
            case .issued: pass.issued += 1
            case .atTopLevel: pass.atTopLevel += 1
            case .refused: pass.refused += 1
            default: pass.waiting += 1
            }
        }
        if pass.waiting > 0 {
            logger.warning("level promotions: \(pass.waiting) still waiting for the evaluation service; trying again")
        }
        return pass
    }

    /// The idempotency key of an award's certificate: one per winner's entry.
    static func idempotencyKey(competition: String, entry: String) -> String {
        "competition-award/\(competition)/\(entry)"
    }

    private func promote(_ award: AwardRepository.Pending) async throws -> PromotionState {
        let idNumber = try personal.open(award.idSealed, as: .idNumber)
        let recognitions: PersonRecognitions
        do {
            recognitions = try await evaluation.recognitions(of: idNumber, timeout: callTimeout)
        } catch {
            try await fail(award, "\(error)")
            return .pending
        }
        var target = award.toLevel
        if target == .unspecified {
            let held = PromotionRules.heldLevel(in: award.occupation, recognitions)
            guard let next = PromotionRules.target(above: held) else {
                try await settle(award, .atTopLevel, detail: "already holds \(held) in \(award.occupation)")
                return .atTopLevel
            }
            try await store.transaction(Self.audit) { tx in try await awards.setTarget(award.entryID, from: held, to: next, in: tx) }
            target = next
        }
        let candidates = PromotionRules.candidates(recognitions, occupation: award.occupation, level: target, since: award.closedOn)
        // A certificate another award records is that award's promotion, not this one's.
        let recorded = try await store.query { db in try await awards.recordedCertificates(candidates, in: db) }
        if let number = candidates.first(where: { !recorded.contains($0) }) {
            try await settle(award, .issued, certificate: number, detail: "found among the winner's certificates")
            return .issued
        }
        var request = CertificateIssue()
        request.institutionCode = award.institution
        request.kind = .skillLevel
        request.occupation = award.occupation
        request.level = target
        request.holderIDNumber = idNumber
        request.holderName = try personal.open(award.nameSealed, as: .name)
        request.county = award.county
        // The close's day, not today's: a retry on another day sends the same request, which
        // the idempotency key requires.
        request.issuedOn = award.closedOn
        do {
            let response = try await evaluation.issue(
                request, idempotencyKey: Self.idempotencyKey(competition: award.competition, entry: award.number), timeout: callTimeout)
            try await settle(award, .issued, certificate: response.number, detail: "issued at \(target)")
            return .issued
        } catch let error as RPCError where error.code == .invalidArgument || error.code == .failedPrecondition {
            try await settle(award, .refused, error: error.message, detail: "refused: \(error.message)")
            return .refused
        } catch {
            try await fail(award, "\(error)")
            return .pending
        }
    }

    private func settle(_ award: AwardRepository.Pending, _ state: PromotionState, certificate: String = "", error: String = "",
                        detail: String) async throws {
        try await store.transaction(Self.audit) { tx in
            try await awards.settle(award.entryID, state: state, certificate: certificate,
                                    issuedOn: state == .issued ? award.closedOn : 0, error: error, in: tx)
            try await tx.audit(entity: "award", id: "\(award.competition)/\(award.number)", detail: "promotion \(state): \(detail)")
        }
    }

    private func fail(_ award: AwardRepository.Pending, _ error: String) async throws {
        try await store.transaction(Self.audit) { tx in try await awards.recordFailure(award.entryID, error: error, in: tx) }
    }
}

/// Wakes the promoter when an event closes, so that promotions need not wait for the next pass.
final class AwardPromotionSignal: Sendable {
    let stream: AsyncStream<Void>
    private let continuation: AsyncStream<Void>.Continuation

    init() {
        (stream, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    func wake() { continuation.yield() }
}

/// Runs ``AwardPromoter`` beside the server: after every close, and every `spacing` while
/// promotions wait.
struct AwardPromotionService: Service {
    let promoter: AwardPromoter
    let signal: AwardPromotionSignal
    let spacing: Duration

    func run() async throws {
        try? await cancelWhenGracefulShutdown {
            try await withThrowingTaskGroup(of: Void.self) { group in
                // The timer feeds the same signal, so that one loop does every pass.
                group.addTask {
                    while !Task.isCancelled {
                        try await Task.sleep(for: spacing)
                        signal.wake()
                    }
                }
                group.addTask {
                    signal.wake()
                    for await _ in signal.stream {
                        do {
                            try await promoter.promotePending()
                        } catch {
                            promoter.logger.error("level promotions: a pass failed: \(error)")
                        }
                    }
                }
                try await group.next()
                group.cancelAll()
            }
        }
    }
}
