import JCSkillsProtocol
@testable import JCSkillsRPC
import NIOCore

/// A client connection machine fed bytes by hand, like ``ServerMachineHarness``.
struct ClientMachineHarness {
    typealias Call = ServerMachineHarness.Call
    typealias Machine = ClientConnectionStateMachine<Call>

    var machine: Machine
    var output = ByteBuffer()
    var actions: [Machine.Action] = []
    var now: Int64 = 1_000_000_000_000

    /// A machine with the reference client's settings, changed by `configure`.
    init(configure: (inout ClientConfiguration) -> Void = { _ in }) {
        var configuration = ClientConfiguration(tls: TLSFiles(certificateChain: "", privateKey: "", trustRoots: ""))
        configure(&configuration)
        machine = Machine(localSettings: configuration.settings, wireLimits: configuration.wireLimits, peerName: "server:7101", now: now)
    }

    /// Started, the server's SETTINGS received, the output taken.
    static func connected(settings: Settings = Settings(), configure: (inout ClientConfiguration) -> Void = { _ in }) -> ClientMachineHarness {
        var harness = ClientMachineHarness(configure: configure)
        harness.machine.start(frames: &harness.output)
        harness.receive(ServerMachineHarness.frame(.settings, stream: 0, message: settings))
        harness.output.clear()
        harness.actions.removeAll()
        return harness
    }

    mutating func receive(_ bytes: [UInt8]) { receive(ByteBuffer(bytes: bytes)) }

    mutating func receive(_ bytes: ByteBuffer) {
        machine.receive(bytes, now: now)
        while machine.processNextFrame(frames: &output, actions: &actions) {}
    }

    mutating func send(_ type: FrameType, flags: FrameFlags = [], stream: UInt32, payload: [UInt8] = []) {
        receive(ServerMachineHarness.frame(type, flags: flags, stream: stream, payload: payload))
    }

    mutating func send<M: WireMessage>(_ type: FrameType, stream: UInt32, message: M) {
        receive(ServerMachineHarness.frame(type, stream: stream, message: message))
    }

    /// Opens a call; `request` for unary and server-streaming calls. The call is named by the
    /// stream id it gets.
    @discardableResult
    mutating func open(_ kind: CallKind, request: EchoMessage? = nil, headers: CallHeadersForm = .general(CallHeaders(method: "t.T/M")), deadline: Int64? = nil) -> Machine.OpenOutcome {
        let call = Call(id: machine.nextStreamID)
        return machine.open(call: call, kind: kind, headers: headers, request: request, deadline: deadline, frames: &output, actions: &actions)
    }

    mutating func takeBytes() -> [UInt8] {
        defer { output.clear() }
        return Array(output.readableBytesView)
    }

    mutating func takeFrames() -> [Frame] {
        var parser = FrameParser(maximumFrameSize: .max)
        parser.append(output)
        output.clear()
        var frames: [Frame] = []
        while let frame = try! parser.next() { frames.append(frame) }
        return frames
    }

    mutating func takeActions() -> [String] {
        defer { actions.removeAll() }
        return actions.map(Self.describe)
    }

    static func describe(_ action: Machine.Action) -> String {
        switch action {
        case .succeed(let call, let response): "succeed \(call) \(response.readableBytes)"
        case .responseMissing(let call): "response missing \(call)"
        case .fail(let call, let error, let notProcessed): "fail \(call) \(error.code)\(notProcessed ? " not processed" : "")"
        case .deliver(let call, let message, let credit): "deliver \(call) \(message.readableBytes) credit \(credit)"
        case .fragmentArrived(let call, let credit): "fragment \(call) credit \(credit)"
        case .responsesEnded(let call): "responses ended \(call)"
        case .resumeWriter(let call): "resume writer \(call)"
        case .endedByServer(let id, let error): "ended by server \(id) \(error.code)"
        case .startWaitingCalls: "start waiting calls"
        case .goAwayReceived: "goaway received"
        case .pingSent: "ping sent"
        case .pingAcknowledged: "ping acknowledged"
        case .protocolError: "protocol error"
        case .close: "close"
        }
    }
}
