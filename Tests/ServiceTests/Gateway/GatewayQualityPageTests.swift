import Foundation
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsTestSupport
import Testing
@testable import GatewayService

/// The dashboard's `/quality` page over a real registry: a county office's certificate sees its
/// own county and is refused another; the token sees the city and may pick a county; Chinese
/// unless `?lang=en`.
@Suite("Gateway: the data-quality page, each caller held to their county", .timeLimit(.minutes(3)))
struct GatewayQualityPageTests {
    @Test
    func aCountyCertificateSeesItsOwnCountyOnly() async throws {
        let rows = try RegistryQualityTests.demoRows()
        let recount = QualityRecount(rows)
        try await RegistryHarness.with(.sqlite) { registry in
            try await registry.client("admin") { client in
                _ = try await RegistryImportTests.importRows(rows, client)
            }
            let history = try await DashboardTestStore.history()
            let registryClient = try GatewayHarness.sourceClient(registry.endpoint)
            let engine = GatewayDefinition.makeService(catalogue: .plan, sources: []).engine
            let dashboard = try DashboardServer(
                options: DashboardOptions(token: "s3cret-token"), tls: TestPKI.shared.files("gateway"),
                engine: engine, history: history.history, catalogue: .plan, logger: .init(label: "test"),
                quality: RegistryQualityReader(client: registryClient))
            do {
                try await HTTPPort.serving(dashboard, clientTLS: try DashboardTestStore.tls(clientIdentity: "county-140524")) { server in
                    let page = try await server.get("/quality")
                    #expect(page.hasPrefix("HTTP/1.0 200"), "\(page.prefix(300))")
                    #expect(page.contains("<h1 data-county=\"140524\">数据质量：陵川县（140524）</h1>"))
                    #expect(page.contains("超过劳动年龄仍在册<"))
                    // This county's figures, not the city's: its registered persons and past-age count.
                    let standing = recount.standing(county: 140524, on: 20201101)
                    #expect(page.contains("<td>在册人数（劳动年龄内）</td><td>\(standing.cells.values.reduce(0, +)) ("), "\(page)")
                    #expect(page.contains("<td>超过劳动年龄仍在册</td><td>\(standing.pastAge)</td>"))
                    #expect(!page.contains("class=\"picker\""))
                    #expect(!page.contains("<script"))
                    // Asking for the same county is fine; another is refused.
                    #expect(try await server.get("/quality?county=140524").hasPrefix("HTTP/1.0 200"))
                    let other = try await server.get("/quality?county=140581")
                    #expect(other.hasPrefix("HTTP/1.0 403"), "\(other.prefix(300))")
                    #expect(!other.contains("高平市"))
                    let english = try await server.get("/quality?lang=en")
                    #expect(english.contains("Data quality: 陵川县（140524）"))
                    #expect(english.contains("<td>Past the labour-force age, still active</td>"))
                    let preferred = try await server.get("/quality", headers: ["Accept-Language: en-GB,en;q=0.9,zh;q=0.5"])
                    #expect(preferred.contains("Data quality: 陵川县（140524）"))
                }
                // The token is the city office's: the city, and any county on request.
                let anonymous = try DashboardTestStore.tls(clientIdentity: nil)
                try await HTTPPort.serving(dashboard, clientTLS: anonymous) { server in
                    #expect(try await server.get("/quality").hasPrefix("HTTP/1.0 401"))
                    let city = try await server.get("/quality?token=s3cret-token")
                    #expect(city.contains("<h1 data-county=\"0\">数据质量：全市</h1>"), "\(city.prefix(600))")
                    #expect(city.contains("class=\"picker\"") && city.contains("token=s3cret"))
                    let picked = try await server.get("/quality?token=s3cret-token&county=140581")
                    #expect(picked.contains("<h1 data-county=\"140581\">数据质量：高平市（140581）</h1>"))
                    #expect(try await server.get("/quality?token=s3cret-token&county=140523").hasPrefix("HTTP/1.0 400"))
                }
                // A certificate naming no identity is let onto the dashboard but shown no county's data.
                try await HTTPPort.serving(dashboard, clientTLS: try DashboardTestStore.tls(clientIdentity: "anonymous")) { server in
                    let refused = try await server.get("/quality")
                    #expect(refused.hasPrefix("HTTP/1.0 403"))
                }
            } catch {
                await registryClient.close()
                await history.close()
                throw error
            }
            await registryClient.close()
            await history.close()
        }
    }
}
