import Dispatch
import FuzzSupport
import JCSkillsProtocol
@_spi(Fuzzing) import JCSkillsRPC
import NIOCore
import NIOEmbedded

// fuzz-connection: the server's connection handler (Sources/RPC/Server/ServerConnectionHandler.swift)
// without TLS, behind a router with the health and echo services (FuzzingEntry.swift), driven
// by the fuzzer's bytes after the preface, cut into reads at fuzzer-chosen points.
//
// The channel is NIO's NIOAsyncTestingChannel, the thread-safe sibling of EmbeddedChannel: the
// call handlers are tasks on the connection's event loop, and the echo service's
// `delayMilliseconds` makes one sleep — its wake-up comes from another thread, which the
// single-threaded EmbeddedEventLoop does not allow.
//
// Input: byte 0 is flags — 0x01 tight server limits, 0x02 a valid client SETTINGS goes first,
// 0x04 the clock moves 11 s at the end (the handshake timeout), 0x08 no preface (the bytes are
// the whole stream); byte 1 the longest read (0: one read), bytes 2–3 seed the read lengths.
//
// Invariants:
// - nothing traps; no error reaches the end of the pipeline; the connection is open, or the
//   handler closed it;
// - what the server wrote is whole frames: its SETTINGS first and only once; only the frame
//   types a server sends, their payloads decoding; no MESSAGE with END_STREAM; no frame larger
//   than the client's maximumFrameSize; on a stream nothing after its TRAILERS; at most one
//   GOAWAY, and after it nothing on streams above its lastStreamID; PING only as an answer;
// - once the connection closed and its calls ended, the handler is freed (it once kept itself
//   alive through its context and a callback: about 6 KB per connection).

nonisolated(unsafe) var currentInput: [UInt8] = []


func failed(_ message: String) -> Never {
    invariantFailed(message, input: currentInput)
}

/// The frames of the client's stream, as far as they parse (for its SETTINGS and PINGs).
func clientSettings(_ stream: [UInt8]) -> Settings {
    var parser = FrameParser(maximumFrameSize: .max)
    parser.append(ByteBuffer(bytes: stream))
    guard let first = try? parser.next(), first.type == .settings, let settings = try? Settings(buffer: first.payload) else {
        return .protocolDefaults
    }
    return settings.normalized
}

func verifyServerOutput(_ output: ByteBuffer, client: Settings) {
    var parser = FrameParser(maximumFrameSize: .max)
    parser.append(output)
    var frames: [Frame] = []
    while let frame = try! parser.next() { frames.append(frame) }
    guard parser.bufferedBytes == 0 else { failed("the server wrote \(parser.bufferedBytes) bytes that are not a whole frame") }
    guard let first = frames.first else { failed("the server wrote nothing, not even its SETTINGS") }
    guard first.type == .settings, first.streamID == 0, (try? Settings(buffer: first.payload)) != nil else {
        failed("the server's first frame is \(first.type) on stream \(first.streamID), not its SETTINGS")
    }
    var ended: Set<UInt32> = []
    var goAway: GoAway?
    for frame in frames.dropFirst() {
        if frame.payload.readableBytes > Int(client.maximumFrameSize) {
            failed("the server sent a \(frame.type) frame of \(frame.payload.readableBytes) bytes; the client accepts \(client.maximumFrameSize)")
        }
        if frame.streamID != 0 {
            guard frame.streamID % 2 == 1 else { failed("the server sent \(frame.type) on even stream \(frame.streamID)") }
            guard !ended.contains(frame.streamID) else { failed("the server sent \(frame.type) on stream \(frame.streamID) after its TRAILERS") }
            if let goAway, frame.streamID > goAway.lastStreamID {
                failed("the server sent \(frame.type) on stream \(frame.streamID) after GOAWAY with last stream \(goAway.lastStreamID)")
            }
        }
        switch frame.type {
        case .settings: failed("the server sent a second SETTINGS")
        case .headers, .endStream: failed("the server sent \(frame.type)")
        case .message:
            guard frame.streamID != 0, !frame.flags.contains(.endStream) else {
                failed("the server sent MESSAGE on stream \(frame.streamID) with flags \(frame.flags.rawValue)")
            }
        case .trailers:
            guard frame.streamID != 0, (try? Trailers(buffer: frame.payload)) != nil else {
                failed("the server sent TRAILERS on stream \(frame.streamID) that do not decode: \(hex(frame.payload.readableBytesView))")
            }
            ended.insert(frame.streamID)
        case .cancel:
            guard frame.streamID != 0, (try? CancelReason(buffer: frame.payload)) != nil else { failed("the server sent a bad CANCEL") }
            ended.insert(frame.streamID)
        case .ping:
            guard frame.streamID == 0, frame.flags.contains(.ack) else { failed("the server sent a PING that is not an answer") }
        case .goAway:
            guard goAway == nil else { failed("the server sent a second GOAWAY") }
            guard frame.streamID == 0, let decoded = try? GoAway(buffer: frame.payload) else { failed("the server sent a bad GOAWAY") }
            goAway = decoded
        case .windowUpdate:
            guard frame.streamID != 0, frame.payload.readableBytes == 4,
                  let credit = frame.payload.getInteger(at: frame.payload.readerIndex, as: UInt32.self), credit > 0
            else { failed("the server sent a bad WINDOW_UPDATE on stream \(frame.streamID)") }
        default:
            failed("the server sent a frame of unknown type \(frame.type)")
        }
    }
}

/// The handler, held weakly: once the connection closed and its calls ended it must be freed.
final class WeakHandler: @unchecked Sendable {
    weak var object: AnyObject?
}

func readAll(_ channel: NIOAsyncTestingChannel, into output: inout ByteBuffer) async {
    while let bytes = try! await channel.readOutbound(as: ByteBuffer.self) {
        output.writeImmutableBuffer(bytes)
    }
}

func runConnection(_ input: [UInt8]) async {
    let flags = input[0]
    let tight = flags & 0x01 != 0
    var stream: [UInt8] = []
    if flags & 0x08 == 0 { stream += ConnectionPreface.bytes }
    var prefix = ByteBuffer()
    if flags & 0x02 != 0 {
        var settings = Settings()
        settings.initialWindowSize = 256 * 1024
        prefix.writeFrame(.settings, stream: 0, message: settings)
    }
    stream += prefix.readableBytesView
    stream += input[4...]

    let loop = NIOAsyncTestingEventLoop()
    let handler = WeakHandler()
    let channel = try! await NIOAsyncTestingChannel(loop: loop) { channel in
        handler.object = try ServerFuzzing.addConnectionHandler(to: channel, tight: tight)
    }
    try! await channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 7101))
    await loop.run()

    var output = ByteBuffer()
    let reads = ReadSplitter(maximum: input[1], seed: UInt16(input[2]) << 8 | UInt16(input[3]), bytes: stream[...])
    for read in reads {
        guard channel.isActive else { break }
        do {
            try await channel.writeInbound(ByteBuffer(bytes: read))
        } catch {
            failed("an error reached the end of the pipeline: \(error)")
        }
        await loop.run()
        await readAll(channel, into: &output)
    }
    if flags & 0x04 != 0 { await loop.advanceTime(by: .seconds(11)) }
    await loop.run()
    await readAll(channel, into: &output)
    do {
        try await channel.throwIfErrorCaught()
    } catch {
        failed("an error reached the end of the pipeline: \(error)")
    }
    // The client goes away; the handler must let go of its calls cleanly.
    do {
        _ = try await channel.finish(acceptAlreadyClosed: true)
    } catch {
        failed("closing the connection failed: \(error)")
    }
    await readAll(channel, into: &output)
    // Calls still running were cancelled by the close; give their tasks a moment to end.
    var waited = 0
    while handler.object != nil, waited < 220 {
        await loop.run()
        if waited < 20 { await Task.yield() } else { try? await Task.sleep(for: .milliseconds(1)) }
        waited += 1
    }
    if handler.object != nil {
        failed("the connection handler is still alive after the connection closed and its calls ended (a reference cycle?)")
    }
    verifyServerOutput(output, client: flags & 0x08 == 0 ? clientSettings(Array(stream.dropFirst(ConnectionPreface.bytes.count))) : .protocolDefaults)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = fuzzInput(data, size)
    guard input.count >= 4 else { return 0 }
    currentInput = input
    let done = DispatchSemaphore(value: 0)
    Task {
        await runConnection(input)
        done.signal()
    }
    done.wait()
    return 0
}

@_cdecl("fuzz_connection_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, testOneInput)
}
