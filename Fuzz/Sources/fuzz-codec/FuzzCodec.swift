import FuzzSupport
import JCSkillsProtocol
import NIOCore

// fuzz-codec: the input decoded as every message type of the protocol (AllMessages.swift), with
// WireLimits.standard and again with tight limits (depth 2, lists of 4) so that short inputs
// reach the limit checks.
//
// Invariants, for every type the input decodes as:
// - the value re-encodes to encodedSize() bytes, and those decode again under the same limits;
// - the second value equals the first (floating-point fields: bit for bit), and encodes to
//   the same bytes (the encoding is canonical) — except for messages whose Swift defaults are
//   not the wire's zero (Settings, CancelReason, SignedCertificateBody): a field sent as 0
//   decodes as 0 but is then left out and reads back as the default (SPEC.md §2.3: "0 means
//   the default"), so for them the value must settle after one round trip;
// - decoding from a ByteBuffer gives what decoding from an array gives;
// - nothing traps.

let tight = WireLimits(maximumDepth: 2, maximumListLength: 4)
nonisolated(unsafe) var currentInput: [UInt8] = []

func check<M: WireMessage & Equatable>(_: M.Type, _ input: [UInt8], _ limits: WireLimits, floats: Bool, zeroMeansDefault: Bool = false) {
    let first: M
    do {
        first = try M(wireBytes: input, limits: limits)
    } catch {
        // Refused: the ByteBuffer path must refuse it the same way.
        do {
            _ = try M(buffer: ByteBuffer(bytes: input), limits: limits)
            invariantFailed("\(M.self): the array decoder refused (\(error)) what the buffer decoder accepted", input: currentInput)
        } catch let other {
            guard other == error else {
                invariantFailed("\(M.self): array decoder says \(error), buffer decoder says \(other)", input: currentInput)
            }
        }
        return
    }
    let encoded = first.wireBytes()
    guard encoded.count == first.encodedSize() else {
        invariantFailed("\(M.self): encodedSize() is \(first.encodedSize()) but \(encoded.count) bytes were written", input: currentInput)
    }
    let second: M
    do {
        second = try M(wireBytes: encoded, limits: limits)
    } catch {
        invariantFailed("\(M.self) re-encoded as \(hex(encoded)) does not decode: \(error)\nvalue: \(first)", input: currentInput)
    }
    let again = second.wireBytes()
    if zeroMeansDefault {
        // A field sent as 0 decodes as 0 but is not written back, and then decodes as the
        // Swift default: one round trip normalises, the second must change nothing.
        let third: M
        do {
            third = try M(wireBytes: again, limits: limits)
        } catch {
            invariantFailed("\(M.self) encoded twice as \(hex(again)) does not decode: \(error)", input: currentInput)
        }
        guard third.wireBytes() == again, floats || third == second else {
            invariantFailed("\(M.self) does not settle after one round trip: \(hex(encoded)) -> \(hex(again)) -> \(hex(third.wireBytes()))", input: currentInput)
        }
    } else {
        guard again == encoded else {
            invariantFailed("\(M.self) encodes as \(hex(encoded)), decoded and encoded again as \(hex(again))", input: currentInput)
        }
        if !floats, second != first {
            invariantFailed("\(M.self) round trip changed\n  \(first)\ninto\n  \(second)", input: currentInput)
        }
    }
    do {
        let viaBuffer = try M(buffer: ByteBuffer(bytes: input), limits: limits)
        guard viaBuffer.wireBytes() == encoded else {
            invariantFailed("\(M.self): the buffer decoder gives a different value than the array decoder", input: currentInput)
        }
    } catch {
        invariantFailed("\(M.self): the buffer decoder refused (\(error)) what the array decoder accepted", input: currentInput)
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = fuzzInput(data, size)
    currentInput = input
    checkEveryMessage(input, limits: .standard)
    checkEveryMessage(input, limits: tight)
    return 0
}

@_cdecl("fuzz_codec_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, testOneInput)
}
