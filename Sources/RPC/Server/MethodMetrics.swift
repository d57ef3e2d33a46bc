import CoreMetrics
import JCSkillsProtocol

/// Per-method counters and a latency histogram, created once at registration so a call pays
/// only for an atomic increment and a histogram record. A class: as a struct of four references,
/// each use copied it out of its method (four retains and four releases, twice a call).
final class MethodMetrics: Sendable {
    private let started: Counter
    private let handled: [Counter]
    private let handledOther: Counter
    private let latency: Timer

    init(path: String) {
        let method = ("method", path)
        started = Counter(label: "jcskills_rpc_server_started_total", dimensions: [method])
        handled = StatusCode.allKnown.map {
            Counter(label: "jcskills_rpc_server_handled_total", dimensions: [method, ("code", $0.name)])
        }
        handledOther = Counter(label: "jcskills_rpc_server_handled_total", dimensions: [method, ("code", "OTHER")])
        latency = Timer(label: "jcskills_rpc_server_handling_seconds", dimensions: [method], preferredDisplayUnit: .seconds)
    }

    func callStarted() { started.increment() }

    func callFinished(code: StatusCode, nanoseconds: Int64) {
        let index = Int(code.rawValue)
        (index < handled.count ? handled[index] : handledOther).increment()
        latency.recordNanoseconds(nanoseconds)
    }
}
