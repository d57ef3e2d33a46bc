import FuzzSupport
import JCSkillsProtocol
import NIOCore

// fuzz-frames: the frame parser (Protocol/Sources/Frames/FrameParser.swift) on a byte stream cut
// into reads at fuzzer-chosen points, and every frame's control payload decoded.
//
// Input: byte 0 picks the parser's maximumFrameSize, byte 1 the longest read (0: one read of
// everything), bytes 2–3 seed the read lengths; the rest is the stream.
//
// Invariants:
// - bufferedBytes never exceeds maximumFrameSize + the header + the last read's size;
// - the storage it keeps (retainedBytes) stays within a small multiple of one frame plus the
//   largest read, however the stream is cut: it once grew with everything ever received when
//   every read ended mid-frame;
// - the stream cut into reads gives the same frames, and the same error at the same frame,
//   as the whole stream in one read;
// - the frames, written back with writeFrame, are exactly the bytes consumed;
// - a control payload that decodes re-encodes and re-decodes to an equal value;
// - nothing traps.

let limits: [UInt32] = [Settings.minimumMaximumFrameSize, Settings.defaultMaximumFrameSize, 0, 1, 9, 10, 64, 1000, 4096, .max]

struct Outcome: Equatable {
    var frames: [Frame] = []
    var error: FrameError?
    var buffered = 0
}

func parse(_ reads: some Sequence<ArraySlice<UInt8>>, limit: UInt32, input: [UInt8]) -> Outcome {
    var parser = FrameParser(maximumFrameSize: limit)
    var outcome = Outcome()
    let bound = Int(limit) + FrameHeader.size
    var largestRead = 0
    reads: for read in reads {
        parser.append(ByteBuffer(bytes: read))
        guard parser.bufferedBytes <= bound + read.count else {
            invariantFailed("after a read of \(read.count) bytes the parser buffers \(parser.bufferedBytes) (limit \(limit))", input: input)
        }
        largestRead = max(largestRead, read.count)
        guard parser.retainedBytes <= 4 * (bound + largestRead) + 1024 else {
            invariantFailed("the parser keeps \(parser.retainedBytes) bytes of storage for \(parser.bufferedBytes) buffered (limit \(limit), largest read \(largestRead))", input: input)
        }
        while true {
            do {
                guard let frame = try parser.next() else { break }
                outcome.frames.append(frame)
            } catch {
                outcome.error = error
                break reads
            }
            guard parser.bufferedBytes <= bound + read.count else {
                invariantFailed("after a frame the parser buffers \(parser.bufferedBytes) (limit \(limit), last read \(read.count))", input: input)
            }
        }
    }
    outcome.buffered = parser.bufferedBytes
    return outcome
}

/// Decodes what `M` decodes, then checks the round trip.
/// `settle`: a message whose Swift defaults are not zero (Settings, CancelReason) turns a field
/// sent as 0 into its default after one round trip (SPEC.md §2.3); it must not change after that.
func roundTrip<M: WireMessage & Equatable>(_: M.Type, _ payload: ByteBuffer, input: [UInt8], settle: Bool = false) {
    guard var first = try? M(buffer: payload) else { return }
    if settle, let settled = try? M(buffer: ByteBuffer.encoding(first)) { first = settled }
    let encoded = ByteBuffer.encoding(first)
    guard encoded.readableBytes == first.encodedSize() else {
        invariantFailed("\(M.self): encodedSize \(first.encodedSize()) but \(encoded.readableBytes) bytes written", input: input)
    }
    let second: M
    do {
        second = try M(buffer: encoded)
    } catch {
        invariantFailed("\(M.self) \(first) re-encoded as \(hex(encoded.readableBytesView)) does not decode: \(error)", input: input)
    }
    guard second == first else {
        invariantFailed("\(M.self) round trip changed \(first) into \(second)", input: input)
    }
}

func decodePayload(_ frame: Frame, input: [UInt8]) {
    switch frame.type {
    case .settings:
        roundTrip(Settings.self, frame.payload, input: input, settle: true)
        if let settings = try? Settings(buffer: frame.payload) {
            let normal = settings.normalized
            guard normal.maximumFrameSize >= Settings.minimumMaximumFrameSize, normal.normalized == normal else {
                invariantFailed("Settings.normalized of \(settings) is \(normal)", input: input)
            }
        }
    case .headers: roundTrip(CallHeaders.self, frame.payload, input: input)
    case .trailers: roundTrip(Trailers.self, frame.payload, input: input)
    case .cancel:
        roundTrip(CancelReason.self, frame.payload, input: input, settle: true)
        _ = ((try? CancelReason(buffer: frame.payload)) ?? CancelReason()).status
    case .goAway: roundTrip(GoAway.self, frame.payload, input: input)
    case .message:
        roundTrip(EchoMessage.self, frame.payload, input: input)
        roundTrip(HealthCheckRequest.self, frame.payload, input: input)
    case .windowUpdate, .ping:
        _ = frame.payload.getInteger(at: frame.payload.readerIndex, as: UInt32.self)
    default:
        _ = frame.type.description
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = fuzzInput(data, size)
    guard input.count >= 4 else { return 0 }
    let limit = limits[Int(input[0]) % limits.count]
    let stream = input[4...]
    let split = parse(ReadSplitter(maximum: input[1], seed: UInt16(input[2]) << 8 | UInt16(input[3]), bytes: stream), limit: limit, input: input)
    let whole = parse(CollectionOfOne(stream), limit: limit, input: input)
    guard split.frames == whole.frames, split.error == whole.error else {
        invariantFailed("cut into reads: \(split.frames.count) frames, error \(String(describing: split.error)); in one read: \(whole.frames.count) frames, error \(String(describing: whole.error))", input: input)
    }
    // The frames are the stream's bytes, and nothing is lost or invented.
    var written = ByteBuffer()
    for frame in whole.frames {
        guard frame.payload.readableBytes <= Int(limit) else {
            invariantFailed("a frame of \(frame.payload.readableBytes) bytes passed the limit \(limit)", input: input)
        }
        written.writeFrame(frame.type, flags: frame.flags, stream: frame.streamID, payload: frame.payload)
        decodePayload(frame, input: input)
    }
    guard written.readableBytesView.elementsEqual(stream.prefix(written.readableBytes)) else {
        invariantFailed("the frames written back differ from the bytes they were parsed from", input: input)
    }
    if whole.error == nil, written.readableBytes + whole.buffered != stream.count {
        invariantFailed("\(written.readableBytes) bytes in frames + \(whole.buffered) buffered != \(stream.count) received", input: input)
    }
    if case .frameTooLarge(let length, let reported)? = whole.error {
        guard length > limit, reported == limit else {
            invariantFailed("frameTooLarge(\(length), \(reported)) with limit \(limit)", input: input)
        }
    }
    return 0
}

@_cdecl("fuzz_frames_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, testOneInput)
}
