#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// MARK: Driver

/// libFuzzer's entry for programs that have their own `main` (LLVM ≥ 11).
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// The process's `main` for a fuzz target.
///
/// SwiftPM links every executable with `--defsym main=<module>_main` (so that tests can call
/// an executable's entry point). Under `-parse-as-library` no such symbol is generated, so each
/// target defines it with `@_cdecl("<module>_main")` and lets libFuzzer's driver run from here.
public func runFuzzer(
    _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
    _ testOneInput: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv, testOneInput)
}

/// The input as a byte array (libFuzzer passes a null pointer for the empty input).
public func fuzzInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
    guard let data, size > 0 else { return [] }
    return Array(UnsafeBufferPointer(start: data, count: size))
}

// MARK: Failures

/// An invariant did not hold: print why (with the input in hex) and trap, so libFuzzer keeps
/// the input as a crash and prints the stack.
public func invariantFailed(_ message: String, input: [UInt8]? = nil, file: StaticString = #fileID, line: UInt = #line) -> Never {
    var text = "\nFUZZ INVARIANT FAILED (\(file):\(line)): \(message)\n"
    if let input { text += "input (\(input.count) bytes): \(hex(input.prefix(4096)))\n" }
    var bytes = Array(text.utf8)
    _ = bytes.withUnsafeMutableBytes { write(2, $0.baseAddress, $0.count) }
    fatalError(message, file: file, line: line)
}

public func hex<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
    let digits = Array("0123456789abcdef".utf8)
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count * 2)
    for byte in bytes {
        out.append(digits[Int(byte >> 4)])
        out.append(digits[Int(byte & 0xF)])
    }
    return String(decoding: out, as: UTF8.self)
}

// MARK: Splitting the input into reads

/// Where a byte stream is cut into reads, chosen by the fuzzer through two control bytes:
/// `maximum` 0 means one read of everything; otherwise every read is 1…`maximum` bytes long,
/// the lengths drawn from a small generator seeded by `seed`. The same input always gives the
/// same cuts.
public struct ReadSplitter: Sequence {
    public var maximum: Int
    public var seed: UInt16
    public var bytes: ArraySlice<UInt8>

    public init(maximum: UInt8, seed: UInt16, bytes: ArraySlice<UInt8>) {
        self.maximum = Int(maximum)
        self.seed = seed
        self.bytes = bytes
    }

    public struct Iterator: IteratorProtocol {
        var rest: ArraySlice<UInt8>
        var maximum: Int
        var state: UInt64

        public mutating func next() -> ArraySlice<UInt8>? {
            guard !rest.isEmpty else { return nil }
            var length = rest.count
            if maximum > 0 {
                // splitmix64
                state &+= 0x9E37_79B9_7F4A_7C15
                var z = state
                z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
                z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
                z ^= z >> 31
                length = Swift.min(rest.count, 1 + Int(z % UInt64(maximum)))
            }
            defer { rest = rest.dropFirst(length) }
            return rest.prefix(length)
        }
    }

    public func makeIterator() -> Iterator {
        Iterator(rest: bytes, maximum: maximum, state: UInt64(seed))
    }
}
