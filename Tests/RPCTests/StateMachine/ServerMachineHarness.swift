import JCSkillsProtocol
@testable import JCSkillsRPC
import NIOCore

/// A server connection machine fed bytes by hand: no socket, no TLS, no clock, no task. HEADERS
/// are answered as a server would, by a table of methods (an unknown one is refused with
/// UNIMPLEMENTED); the frames the machine writes and the actions it asks for are read back.
struct ServerMachineHarness {
    /// What the harness keeps per call: the stream id is enough to name it in actions.
    struct Call: Equatable, CustomStringConvertible {
        let id: UInt32
        var description: String { "\(id)" }
    }

    typealias Machine = ServerConnectionStateMachine<Call>

    var machine: Machine
    var output = ByteBuffer()
    var actions: [Machine.Action] = []
    /// Monotonic nanoseconds, moved by the test.
    var now: Int64 = 1_000_000_000_000
    let budget: ServerBudget
    var methods: [String: CallKind] = [
        "t.T/Unary": .unary, "t.T/ServerStream": .serverStreaming,
        "t.T/ClientStream": .clientStreaming, "t.T/Bidi": .bidirectionalStreaming,
    ]
    /// HEADERS the machine let through and this harness accepted, with their deadlines.
    var opened: [(UInt32, CallHeaders)] = []
    /// The streams of those whose HEADERS the machine read in the usual call's form.
    var openedUsual: [UInt32] = []

    /// A machine with the reference server's limits, changed by `configure`.
    init(configure: (inout ServerConfiguration) -> Void = { _ in }) {
        var configuration = ServerConfiguration(port: 0, tls: TLSFiles(certificateChain: "", privateKey: "", trustRoots: ""), serverName: "test")
        configure(&configuration)
        budget = ServerBudget(configuration)
        machine = Machine(limits: ServerConnectionLimits(configuration), budget: budget, now: now)
    }

    /// The connection accepted: the server's SETTINGS are written at once (§2.3).
    mutating func start() {
        machine.start(frames: &output)
    }

    /// Accepted, and the client's preface and SETTINGS received; the output taken.
    static func connected(settings: Settings = Settings(), configure: (inout ServerConfiguration) -> Void = { _ in }) -> ServerMachineHarness {
        var harness = ServerMachineHarness(configure: configure)
        harness.start()
        harness.receive(ConnectionPreface.bytes)
        harness.receive(frame(.settings, stream: 0, message: settings))
        _ = harness.takeFrames()
        _ = harness.takeActions()
        return harness
    }

    // MARK: Input

    mutating func receive(_ bytes: [UInt8]) {
        receive(ByteBuffer(bytes: bytes))
    }

    /// Feeds bytes as one read and handles every whole frame in them.
    mutating func receive(_ bytes: ByteBuffer) {
        machine.receive(bytes, frames: &output, actions: &actions)
        while true {
            switch machine.processNextFrame(now: now, frames: &output, actions: &actions) {
            case .needMoreBytes: return
            case .handled: break
            case .open(let request): answer(request)
            }
        }
    }

    /// Feeds bytes one at a time: frames split anywhere (§3.1).
    mutating func receiveByteByByte(_ bytes: [UInt8]) {
        for byte in bytes { receive([byte]) }
    }

    private mutating func answer(_ request: Machine.OpenRequest) {
        guard let kind = methods[request.headers.method] else {
            return machine.refuse(request.streamID, .unimplemented, "unknown method \(request.headers.method)", frames: &output)
        }
        let timeout = request.headers.timeoutMicroseconds
        let deadline = timeout == 0 ? nil : now + Int64(timeout) * 1_000
        if machine.accept(request, call: Call(id: request.streamID), kind: kind, deadline: deadline, now: now, frames: &output, actions: &actions) {
            opened.append((request.streamID, request.headers.callHeaders))
            if case .usual = request.headers { openedUsual.append(request.streamID) }
        }
    }

    /// HEADERS for `method`, as a client opens a call.
    mutating func open(_ stream: UInt32, _ method: String = "t.T/Unary", timeoutMicroseconds: UInt64 = 0, flags: FrameFlags = []) {
        receive(Self.frame(.headers, flags: flags, stream: stream, message: CallHeaders(method: method, timeoutMicroseconds: timeoutMicroseconds)))
    }

    /// A MESSAGE of `size` bytes (each byte its index, modulo 256).
    mutating func message(_ stream: UInt32, size: Int, flags: FrameFlags = []) {
        receive(Self.frame(.message, flags: flags, stream: stream, payload: Self.payload(size)))
    }

    mutating func send(_ type: FrameType, flags: FrameFlags = [], stream: UInt32, payload: [UInt8] = []) {
        receive(Self.frame(type, flags: flags, stream: stream, payload: payload))
    }

    static func payload(_ size: Int) -> [UInt8] { (0..<size).map { UInt8(truncatingIfNeeded: $0) } }

    static func frame(_ type: FrameType, flags: FrameFlags = [], stream: UInt32, payload: [UInt8] = []) -> ByteBuffer {
        var buffer = ByteBuffer()
        buffer.writeFrame(type, flags: flags, stream: stream, payload: ByteBuffer(bytes: payload))
        return buffer
    }

    static func frame<M: WireMessage>(_ type: FrameType, flags: FrameFlags = [], stream: UInt32, message: M) -> ByteBuffer {
        var buffer = ByteBuffer()
        buffer.writeFrame(type, flags: flags, stream: stream, message: message)
        return buffer
    }

    // MARK: Output

    /// The bytes written since the last take.
    mutating func takeBytes() -> [UInt8] {
        defer { output.clear() }
        return Array(output.readableBytesView)
    }

    /// The frames written since the last take.
    mutating func takeFrames() -> [Frame] {
        var parser = FrameParser(maximumFrameSize: .max)
        parser.append(output)
        output.clear()
        var frames: [Frame] = []
        while let frame = try! parser.next() { frames.append(frame) }
        return frames
    }

    /// The actions asked for since the last take, each as a short line (``describe(_:)``).
    mutating func takeActions() -> [String] {
        defer { actions.removeAll() }
        return actions.map(Self.describe)
    }

    /// `start 1 request 5`, `deliver 3 4 credit 4`, `abandon 1 CANCELLED`, `finished 1 OK`…
    static func describe(_ action: Machine.Action) -> String {
        switch action {
        case .startHandler(let call, let request): "start \(call) request \(request.map { "\($0.readableBytes)" } ?? "none")"
        case .deliver(let call, let message, let credit): "deliver \(call) \(message.readableBytes) credit \(credit)"
        case .fragmentArrived(let call, let credit): "fragment \(call) credit \(credit)"
        case .requestsEnded(let call): "requests ended \(call)"
        case .abandon(let call, let code, _): "abandon \(call) \(code)"
        case .resumeWriter(let call): "resume writer \(call)"
        case .callFinished(let call, let code, _): "finished \(call) \(code)"
        case .expired(let call, _): "expired \(call)"
        case .settingsReceived: "settings received"
        case .protocolError: "protocol error"
        case .flush: "flush"
        case .close: "close"
        }
    }

    /// The GOAWAY among `frames`, decoded.
    static func goAway(in frames: [Frame]) -> GoAway? {
        frames.first { $0.type == .goAway }.flatMap { try? GoAway(buffer: $0.payload) }
    }

    /// The TRAILERS of `stream` among `frames`, decoded.
    static func trailers(_ stream: UInt32, in frames: [Frame]) -> Trailers? {
        frames.first { $0.type == .trailers && $0.streamID == stream }.flatMap { try? Trailers(buffer: $0.payload) }
    }
}

extension Frame {
    var bytes: [UInt8] { Array(payload.readableBytesView) }
}

/// Hex for readable byte-level expectations: `hex("0000000a 05 01")`, spaces ignored.
func hex(_ text: String) -> [UInt8] {
    let digits = Array(text.filter { !$0.isWhitespace })
    return stride(from: 0, to: digits.count, by: 2).map { UInt8(String(digits[$0...$0 + 1]), radix: 16)! }
}
