import Foundation
import JCSkillsRPC
import JCSkillsStore
import JCSkillsTestSupport
import NIOSSL
@testable import GatewayService

/// The dashboard's history store on a fresh SQLite file, and TLS contexts to fetch its page.
enum DashboardTestStore {
    struct Opened {
        let history: IndicatorHistory
        let store: Store
        func close() async { await store.close() }
    }

    static func history() async throws -> Opened {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("jcskills-dashboard-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let store = try await Store.open(
            StoreConfiguration(service: "gateway", location: .sqlite(path: "\(directory)/gateway.sqlite")),
            migrations: IndicatorHistory.migrations)
        return Opened(history: IndicatorHistory(store: store, spacing: .zero), store: store)
    }

    /// A client context trusting the city CA; with a client certificate when an identity is given.
    static func tls(clientIdentity: String?) throws -> NIOSSLContext {
        let material = TestPKI.shared
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile("\(material.directory)/ca.crt"))
        configuration.certificateVerification = .noHostnameVerification
        if let clientIdentity {
            let files = material.files(clientIdentity)
            configuration.certificateChain = try NIOSSLCertificate.fromPEMFile(files.certificateChain).map { .certificate($0) }
            configuration.privateKey = .privateKey(try NIOSSLPrivateKey(file: files.privateKey, format: .pem))
        }
        return try NIOSSLContext(configuration: configuration)
    }
}
