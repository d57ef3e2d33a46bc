import JCSkillsLoad
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsTestSupport

/// The raw-frame peer of the load tool's abusers (`JCSkillsLoad.FramePeer`), with a test
/// identity's certificate.
extension FramePeer {
    static func connect(to endpoint: Endpoint, as identity: String = "admin") async throws -> FramePeer {
        try await connect(to: endpoint, tls: TestPKI.shared.files(identity))
    }
}

extension FramePeer {
    /// The status in the TRAILERS of each of `streams` that has ended, once `enough` holds of
    /// them (or 30 s passed, for a broken server: then what has ended so far, for the test's
    /// expectations to name). The condition the test expects, looked at again and again, rather
    /// than a fixed time allowed per stream, which a busy machine can overrun.
    func endedStreams(_ streams: [UInt32], until enough: ([UInt32: StatusCode]) -> Bool) async throws -> [UInt32: StatusCode] {
        let deadline = ContinuousClock.now + .seconds(30)
        while true {
            var ended: [UInt32: StatusCode] = [:]
            for stream in streams {
                if let trailers = try await trailers(stream: stream, within: .zero) { ended[stream] = trailers.status }
            }
            if enough(ended) || ContinuousClock.now > deadline { return ended }
            try await Task.sleep(for: .milliseconds(5))
        }
    }
}
