import Foundation
import JCSkillsMessages
import JCSkillsServiceKit

/// The ports of one local set: from a base (default 7100, the gateway's), each service at its
/// usual offset (registry +1 … competition +4), its metrics 2,000 above, the dashboard at +80.
/// A second set — the end-to-end run beside a developer's own — takes another base.
struct LocalPorts: Equatable {
    static let defaultBase = ServiceKind.gateway.defaultPort

    let base: Int

    func rpc(_ kind: ServiceKind) -> Int { base + kind.defaultPort - Self.defaultBase }
    func metrics(_ kind: ServiceKind) -> Int { rpc(kind) + kind.defaultMetricsPort - kind.defaultPort }
    var dashboard: Int { base + 80 }

    /// Every port the set listens on, with what listens there.
    var all: [(port: Int, what: String)] {
        LocalCluster.order.flatMap { [(rpc($0), $0.executable), (metrics($0), "\($0.executable) metrics")] } + [(dashboard, "the dashboard")]
    }

    /// The base `--base-port` gives, else the one the home's set was started with, else 7100.
    static func resolve(_ option: Int?, home: String) -> LocalPorts {
        if let option { return LocalPorts(base: option) }
        if let text = try? String(contentsOfFile: file(home), encoding: .utf8), let base = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
            return LocalPorts(base: base)
        }
        return LocalPorts(base: defaultBase)
    }

    /// Kept in the home so that `local status` and `local down` find the set again.
    func record(in home: String) throws {
        try "\(base)\n".write(toFile: Self.file(home), atomically: true, encoding: .utf8)
    }

    /// What a port is for, as a reader reads it (``all``'s names stay as they are for the checks).
    static func describe(_ what: String) -> String {
        if what == "the dashboard" { return Messages.Local.theDashboard.text() }
        if what.hasSuffix(" metrics") { return Messages.Local.metricsOf(String(what.dropLast(" metrics".count))).text() }
        return what
    }

    static func file(_ home: String) -> String { "\(home)/run/base-port" }
}
