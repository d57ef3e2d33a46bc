import Foundation
import JCSkillsDemoData
import JCSkillsMessages
import Testing

/// The one decoder every CSV import reads through: each encoding a Chinese desktop writes is
/// read as the characters it holds, and a byte that is not text is the error of its line —
/// never a replacement character.
@Suite("Import files: encodings and line limits", .timeLimit(.minutes(1)))
struct LineReaderTests {
    // Bytes written by iconv (and by Excel on a Chinese Windows desktop), spelled out here so
    // the test does not depend on the converter it checks.
    static let header = Array("id,name\n".utf8)
    static let wangFangGBK: [UInt8] = [0xCD, 0xF5, 0xB7, 0xBC]  // 王芳
    static let zhangWeiGBK: [UInt8] = [0xD5, 0xC5, 0xCE, 0xB0]  // 张伟
    static let jinchengGBK: [UInt8] = [0xBD, 0xFA, 0xB3, 0xC7, 0xCA, 0xD0]  // 晋城市
    static let wangFangBig5: [UInt8] = [0xA4, 0xFD, 0xAA, 0xDA]  // 王芳
    static let zhangWeiBig5: [UInt8] = [0xB1, 0x69, 0xB0, 0xB6]  // 張偉
    static let rareGB18030: [UInt8] = [0x95, 0x32, 0x82, 0x36]  // 𠀀 U+20000, four bytes

    static func file(_ bytes: [UInt8]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("line-reader-\(UUID().uuidString).csv").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func lines(_ bytes: [UInt8], encoding: CSVTextEncoding = .auto, maximum: Int = LineReader.defaultMaximumLineLength) throws -> (lines: [LineReader.Line], reader: LineReader) {
        let path = try file(bytes)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let reader = try LineReader(path: path, encoding: encoding, maximumLineLength: maximum)
        var lines: [LineReader.Line] = []
        while let line = try reader.next() { lines.append(line) }
        return (lines, reader)
    }

    static func texts(_ lines: [LineReader.Line]) -> [String?] {
        lines.map { if case .text(let text) = $0 { text } else { nil } }
    }

    static func problems(_ lines: [LineReader.Line]) -> [Int: String] {
        var problems: [Int: String] = [:]
        for (index, line) in lines.enumerated() {
            if case .unreadable(let reason) = line { problems[index + 1] = reason.en }
        }
        return problems
    }

    @Test func gbkIsFoundAndReadAsItsCharacters() throws {
        let bytes = Self.header + Array("1,".utf8) + Self.wangFangGBK + [0x0A] + Array("2,".utf8) + Self.zhangWeiGBK + [0x0D, 0x0A]
            + Array("3,".utf8) + Self.jinchengGBK
        for encoding in [CSVTextEncoding.auto, .gbk, .gb18030] {
            let (lines, reader) = try Self.lines(bytes, encoding: encoding)
            #expect(Self.texts(lines) == ["id,name", "1,王芳", "2,张伟", "3,晋城市"])
            #expect(reader.encoding == (encoding == .gbk ? .gbk : .gb18030))
            #expect(reader.lineNumber == 4)
            #expect(reader.bytesRead == UInt64(bytes.count))
        }
    }

    @Test func big5IsReadWhenDeclared() throws {
        let bytes = Self.header + Array("1,".utf8) + Self.wangFangBig5 + [0x0A] + Array("2,".utf8) + Self.zhangWeiBig5 + [0x0A]
        #expect(Self.texts(try Self.lines(bytes, encoding: .big5).lines) == ["id,name", "1,王芳", "2,張偉"])
    }

    @Test func gb18030FourByteCharactersAreRead() throws {
        let (lines, _) = try Self.lines(Self.header + Array("1,".utf8) + Self.rareGB18030 + Self.wangFangGBK + [0x0A])
        #expect(Self.texts(lines) == ["id,name", "1,\u{20000}王芳"])
    }

    @Test func utf8IsReadAsItIsWithItsByteOrderMarkDropped() throws {
        let text = "id,name\n1,王芳\n2,𠀀\n"
        for bom in [[], [0xEF, 0xBB, 0xBF] as [UInt8]] {
            let (lines, reader) = try Self.lines(bom + Array(text.utf8))
            #expect(Self.texts(lines) == ["id,name", "1,王芳", "2,𠀀"])
            #expect(reader.encoding == .utf8)
        }
        // A GBK-encoded name stays an error when the file is declared UTF-8, never a U+FFFD.
        let (declared, _) = try Self.lines(Self.header + Array("1,".utf8) + Self.wangFangGBK + [0x0A] + Array("2,ok\n".utf8), encoding: .utf8)
        #expect(Self.texts(declared) == ["id,name", nil, "2,ok"])
        let reason = try #require(Self.problems(declared)[2])
        #expect(reason.contains("not UTF-8") && reason.contains("byte 3") && reason.contains("0xCD"))
    }

    @Test func undecodableBytesAreTheErrorOfTheirLineOnly() throws {
        // Line 3 holds a lead byte cut off by a comma, line 4 a byte GB18030 never uses.
        let bytes = Self.header + Array("1,".utf8) + Self.wangFangGBK + [0x0A]
            + Array("2,".utf8) + [0xCD, 0x2C] + Array("x\n".utf8)
            + Array("3,".utf8) + [0xFF] + Self.zhangWeiGBK + [0x0A]
            + Array("4,".utf8) + Self.zhangWeiGBK + [0x0A]
        let (lines, _) = try Self.lines(bytes)
        let texts = Self.texts(lines)
        #expect(texts == ["id,name", "1,王芳", nil, nil, "4,张伟"])
        #expect(Set(Self.problems(lines).keys) == [3, 4])
        #expect(Self.problems(lines)[3]?.contains("GB18030") == true)
        #expect(!texts.compactMap { $0 }.joined().contains("\u{FFFD}"))
        // Big5's unassigned 0x80, which glibc would pass through as a control character.
        let (big5, _) = try Self.lines(Self.header + Array("1,".utf8) + [0x80] + Self.wangFangBig5 + [0x0A], encoding: .big5)
        #expect(Self.texts(big5) == ["id,name", nil])
    }

    @Test func aLineTooLongIsReportedWithoutBeingHeldAndReadingGoesOn() throws {
        // 3 MB in one line: more than the reader's 1 MiB blocks, so it is dropped as it is read.
        let long = Array("2,".utf8) + Array(repeating: UInt8(ascii: "a"), count: 3 << 20)
        let bytes = Self.header + Array("1,ok\n".utf8) + long + [0x0A] + Array("3,ok\n".utf8) + Array(repeating: UInt8(ascii: "b"), count: 40)
        let (lines, reader) = try Self.lines(bytes, maximum: 32)
        #expect(Self.texts(lines) == ["id,name", "1,ok", nil, "3,ok", nil])
        #expect(Self.problems(lines)[3]?.contains("\(long.count) bytes long") == true)
        #expect(Self.problems(lines)[5]?.contains("40 bytes long") == true)
        #expect(reader.bytesRead == UInt64(bytes.count))
        // Exactly at the limit is a line.
        #expect(Self.texts(try Self.lines(Array("12345678\n".utf8), maximum: 8).lines) == ["12345678"])
    }

    @Test func filesNoImportReadsAreRefusedWhole() throws {
        let utf16 = try Self.file([0xFF, 0xFE] + Array("i\0d\0".utf8))
        defer { try? FileManager.default.removeItem(atPath: utf16) }
        #expect(throws: CSVFileError.self) { _ = try LineReader(path: utf16).next() }
        let bom = try Self.file([0xEF, 0xBB, 0xBF] + Array("id\n".utf8))
        defer { try? FileManager.default.removeItem(atPath: bom) }
        #expect(throws: CSVFileError.self) { _ = try LineReader(path: bom, encoding: .gbk).next() }
    }
}
