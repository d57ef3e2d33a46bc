import JCSkillsProtocol
import JCSkillsRPC

/// The registry's data-quality view (`Quality`, docs/QUALITY.md) for the dashboard's
/// `/quality` page: aggregates only, asked with the gateway's own identity, so the page itself
/// holds each caller to their county (``QualityRoute``).
struct RegistryQualityReader: Sendable {
    let client: RPCClient
    var timeout: Duration = .seconds(10)

    func report(county: Int32) async throws -> QualityReport {
        try await client.unary(RegistryService.quality, QualityRequest(county: county), options: CallOptions(timeout: timeout))
    }
}
