import JCSkillsRPC

/// The competition service's methods, each behind a policy of CompetitionAccess. None yet: until its
/// domain arrives the service answers the health check and echo that every server has.
struct CompetitionRPCService: RPCService {
    func register(in router: inout RPCRouter) {}
}
