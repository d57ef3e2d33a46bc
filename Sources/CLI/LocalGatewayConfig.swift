import Foundation
import JCSkillsMessages

extension LocalCluster {
    var dashboardAddress: String { "127.0.0.1:\(ports.dashboard)" }

    var gatewayConfigFile: String { "\(home)/config/gateway.yaml" }
    var dashboardTokenFile: String { "\(home)/config/dashboard.token" }

    /// The dashboard's token for this home: made once, random, readable by the owner only, so
    /// a browser on this machine can open the page without a client certificate.
    func dashboardToken() throws -> String {
        if let token = try? String(contentsOfFile: dashboardTokenFile, encoding: .utf8) {
            return token.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        var generator = SystemRandomNumberGenerator()
        let token = (0..<16).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
        try FileManager.default.createDirectory(atPath: "\(home)/config", withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: dashboardTokenFile, contents: Data((token + "\n").utf8),
                                             attributes: [.posixPermissions: 0o600]) else {
            throw CLIError(Messages.Local.cannotWriteToken(dashboardTokenFile))
        }
        return token
    }

    /// The gateway's config for the local set: the dashboard on loopback with this home's token.
    func gatewayConfig() throws -> String {
        let text = """
            # Written by `jcskills local up`; flags on the command line override it.
            gateway:
              dashboard:
                listen: \(dashboardAddress)
                token: \(try dashboardToken())

            """
        try FileManager.default.createDirectory(atPath: "\(home)/config", withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: gatewayConfigFile, contents: Data(text.utf8),
                                             attributes: [.posixPermissions: 0o600]) else {
            throw CLIError(Messages.Local.cannotWriteGatewayConfig(gatewayConfigFile))
        }
        return gatewayConfigFile
    }
}
