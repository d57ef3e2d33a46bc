import JCSkillsRPC

/// Who may call the competition service's methods: one policy per kind of caller, as
/// `RegistryAccess` and `EvaluationAccess` do (docs/ARCHITECTURE.md, "The service template").
enum CompetitionAccess {
    /// Every identified caller: the health check's level, until methods need more.
    static let anyIdentified = AccessPolicy.anyIdentified
}
