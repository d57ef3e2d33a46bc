import JCSkillsRPC

/// The training service's methods, each behind a policy of TrainingAccess. None yet: until its
/// domain arrives the service answers the health check and echo that every server has.
struct TrainingRPCService: RPCService {
    func register(in router: inout RPCRouter) {}
}
