import JCSkillsStore

/// Import rows refused because they lie outside the caller's county: one PERMISSION_DENIED
/// audit row per batch that had any, naming how many and the first few credit codes (an
/// enterprise's code is not personal data).
struct OutOfScopeRows {
    static let namedCodes = 10
    private(set) var count = 0
    private var codes: [String] = []

    mutating func add(_ creditCode: String) {
        count += 1
        if codes.count < Self.namedCodes { codes.append(creditCode.uppercased()) }
    }

    func audit(in store: Store, _ context: AuditContext, entity: String) async throws {
        guard count > 0 else { return }
        try await store.recordAudit(context, outcome: .permissionDenied, entity: entity, id: nil,
                                    detail: "\(count) rows of other counties refused: \(codes.joined(separator: ", "))\(count > codes.count ? ", …" : "")")
    }
}
