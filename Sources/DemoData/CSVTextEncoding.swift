#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import JCSkillsMessages

/// The text encodings an import file may be in: UTF-8, and what spreadsheet software on a
/// Chinese Windows desktop writes when it saves "CSV" — the ANSI code page, GBK (CP936) in
/// mainland China, Big5 (CP950) in Taiwan and Hong Kong.
///
/// `auto` reads a file as UTF-8 when it is valid UTF-8 (a byte-order mark is dropped) and as
/// GB18030 otherwise; GB18030 is a superset of GBK, so a GBK file reads the same. Big5 is never
/// guessed: its bytes are valid GB18030 too, and would read as the wrong characters.
public enum CSVTextEncoding: String, CaseIterable, Sendable, CustomStringConvertible {
    case auto
    case utf8 = "utf-8"
    case gb18030
    case gbk
    case big5

    public var description: String {
        switch self {
        case .auto: "auto"
        case .utf8: "UTF-8"
        case .gb18030: "GB18030"
        case .gbk: "GBK"
        case .big5: "Big5"
        }
    }

    /// The name glibc's iconv knows the encoding by (CP936 and CP950 are its aliases of GBK and BIG5).
    var iconvName: String? {
        switch self {
        case .auto, .utf8: nil
        case .gb18030: "GB18030"
        case .gbk: "GBK"
        case .big5: "BIG5"
        }
    }
}

/// Why the bytes of one line are not text in the file's encoding.
public struct UndecodableText: Error, Sendable, CustomStringConvertible {
    /// 0-based offset of the first byte that could not be read, when known.
    public let offset: Int?
    /// Up to four bytes from there.
    public let bytes: [UInt8]
    public let encoding: CSVTextEncoding

    /// In the reader's language (Sources/Messages/Catalogue/CSVFiles.swift).
    public var message: Message {
        let hex = bytes.map { "0x" + String($0, radix: 16, uppercase: true) }.joined(separator: " ")
        return Messages.CSVFiles.notText("\(encoding)", at: offset.map { $0 + 1 }, bytes: hex, utf8: encoding == .utf8)
    }

    /// The English, for logs.
    public var description: String { message.en }
}

/// Converts lines from GB18030, GBK or Big5 to UTF-8 with the C library's iconv, one reusable
/// converter per file.
///
/// Why iconv and not Foundation's `String(data:encoding:)` (which on Linux can decode GB18030
/// and Big5 through ICU): Foundation maps the GB18030-2005 characters that Unicode has since
/// encoded (0xFE51 is U+20087, a rare character found in names) to private-use code points,
/// says only "nil" for a bad line where iconv says at which byte, and cost 6.4 µs a line
/// against 0.9 µs (a persons.csv line, measured in a release build).
final class LegacyTextDecoder {
    let encoding: CSVTextEncoding
    private let converter: iconv_t
    private var output: [UInt8] = []

    /// nil when the C library has no converter for `encoding` (a system without gconv modules).
    init?(_ encoding: CSVTextEncoding) {
        guard let name = encoding.iconvName else { return nil }
        let converter = iconv_open("UTF-8", name)
        guard let converter, converter != iconv_t(bitPattern: -1) else { return nil }
        self.encoding = encoding
        self.converter = converter
    }

    deinit { iconv_close(converter) }

    /// The text of `input` (one line, no line break).
    func decode(_ input: UnsafeBufferPointer<UInt8>) -> Result<String, UndecodableText> {
        guard let base = input.baseAddress, !input.isEmpty else { return .success("") }
        _ = iconv(converter, nil, nil, nil, nil)  // initial shift state
        // Two bytes become at most three (4-byte GB18030 sequences stay four).
        if output.count < input.count * 2 + 8 { output = Array(repeating: 0, count: input.count * 2 + 8) }
        var failure: UndecodableText?
        let written = output.withUnsafeMutableBufferPointer { out -> Int in
            var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(mutating: base).assumingMemoryBound(to: CChar.self)
            var inLeft = input.count
            var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(out.baseAddress!).assumingMemoryBound(to: CChar.self)
            var outLeft = out.count
            var result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
            if result != -1 { result = iconv(converter, nil, nil, &outPointer, &outLeft) }
            if result == -1 {
                // EILSEQ: an invalid sequence; EINVAL: one cut off at the end of the line.
                let offset = input.count - inLeft
                failure = UndecodableText(offset: offset, bytes: Array(input[offset..<min(offset + 4, input.count)]), encoding: encoding)
            }
            return out.count - outLeft
        }
        if let failure { return .failure(failure) }
        // glibc's BIG5 passes the unassigned bytes 0x80 and 0xFF through as C1 controls
        // (U+0080…U+009F): no text has those, so they are bytes that are not Big5.
        var index = 0
        while index + 1 < written {
            if output[index] == 0xC2 && (0x80...0x9F).contains(output[index + 1]) {
                return .failure(UndecodableText(offset: nil, bytes: [], encoding: encoding))
            }
            index += 1
        }
        return .success(String(decoding: output[0..<written], as: UTF8.self))
    }
}

/// Where the first byte that is not UTF-8 is, or nil when all of `bytes` is.
func firstInvalidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    var parser = Unicode.UTF8.ForwardParser()
    var iterator = bytes.makeIterator()
    var offset = 0
    while true {
        switch parser.parseScalar(from: &iterator) {
        case .valid(let scalar): offset += scalar.count
        case .emptyInput: return nil
        case .error: return offset
        }
    }
}
