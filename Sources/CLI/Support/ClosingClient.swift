import JCSkillsProtocol
import JCSkillsRPC

/// Runs `body` on `client` and closes it whatever happens; a refusal becomes a one-line error
/// (its message starts with the rule or the field), not a trace.
func withClosingClient<T: Sendable>(_ client: RPCClient, _ body: (RPCClient) async throws -> T) async throws -> T {
    do {
        let result = try await body(client)
        await client.close()
        return result
    } catch let error as RPCError {
        await client.close()
        throw CLIError(error, endpoint: client.endpoints.map(\.description).joined(separator: ","))
    } catch {
        await client.close()
        throw error
    }
}
