import Foundation
import FuzzDemoData
import FuzzSupport
import JCSkillsProtocol

// fuzz-csv: the CSV reading that a library can reach — the line reader LineReader
// (Sources/DemoData/LineReader.swift: blocks, encodings, over-long lines), the record parser
// CSVRow (Sources/DemoData/CSVRow.swift) and the field readers of the registry and evaluation
// CSV formats (RegistryCSVFormat, EvaluationCSVFormat, their vocabularies, CalendarDate.parse)
// that the CLI's RegistryCSVMapping and EvaluationCSVMapping call for every field. The two
// mappings themselves live in the `jcskills` executable, which cannot be imported.
//
// The input is a file: it is read by LineReader as an import reads it (encoding auto, lines up
// to 16 KiB), every line through CSVRow and every field through the field readers; and read
// again in an encoding and with a line limit picked from its length, for the reader alone.
//
// Invariants:
// - LineReader ends, returns lines without `\n`, counts them, and has read the whole file;
// - for every line that parses, parse(format(fields)) == fields (what the importer reads is
//   what the exporter wrote);
// - every field reader's result, written back with its writer, reads as the same value;
// - nothing traps.

nonisolated(unsafe) var currentInput: [UInt8] = []


func failed(_ message: String) -> Never {
    invariantFailed(message, input: currentInput)
}

func checkVocabulary<V>(_ vocabulary: CSVVocabulary<V>, _ text: String, _ name: String) {
    guard let value = vocabulary.value(for: text) else { return }
    let written = vocabulary.text(for: value)
    guard vocabulary.value(for: written) == value else {
        failed("\(name): '\(text)' reads as \(value.rawValue), written as '\(written)', which reads as \(String(describing: vocabulary.value(for: written)?.rawValue))")
    }
}

func checkField(_ raw: String) {
    let text = raw.trimmingWhitespace
    guard text.trimmingWhitespace == text else { failed("trimmingWhitespace is not idempotent on '\(raw)'") }
    checkVocabulary(RegistryCSVFormat.gender, text, "gender")
    checkVocabulary(RegistryCSVFormat.category, text, "category")
    checkVocabulary(RegistryCSVFormat.education, text, "education")
    checkVocabulary(RegistryCSVFormat.employment, text, "employment")
    checkVocabulary(RegistryCSVFormat.trainingMode, text, "training mode")
    checkVocabulary(EvaluationCSVFormat.institutionType, text, "institution type")
    checkVocabulary(EvaluationCSVFormat.certificateKind, text, "certificate kind")
    _ = RegistryCSVFormat.parseBool(text)
    _ = Int32(text)
    if let groups = RegistryCSVFormat.parseKeyGroups(text) {
        let written = RegistryCSVFormat.formatKeyGroups(groups)
        guard RegistryCSVFormat.parseKeyGroups(written) == groups else {
            failed("key groups '\(text)' read as \(groups), written as '\(written)', read back differently")
        }
    }
    if let scope = EvaluationCSVFormat.parseScope(text) {
        let written = EvaluationCSVFormat.formatScope(scope)
        guard EvaluationCSVFormat.parseScope(written) == scope else {
            failed("scope '\(text)' read as \(scope), written as '\(written)', read back differently")
        }
    }
    if let date = CalendarDate.parse(text) {
        guard CalendarDate.parse(date.isoString) == date, CalendarDate.parse(date.compactString) == date,
              CalendarDate(yyyymmdd: date.yyyymmdd) == date
        else { failed("date '\(text)' read as \(date) does not read back from its own forms") }
    }
}

func checkLine(_ line: String, header: Bool) {
    // The importer drops a byte-order mark before the header (CSVImporter), CSVRow does too.
    let text = header && line.hasPrefix("\u{FEFF}") ? String(line.dropFirst()) : line
    let fields: [String]
    do {
        fields = try CSVRow.parse(text)
    } catch {
        _ = error.description
        return
    }
    guard !fields.isEmpty else { failed("CSVRow.parse returned no field for '\(text)'") }
    let written = CSVRow.format(fields)
    do {
        let again = try CSVRow.parse(written)
        guard again == fields else {
            failed("CSVRow: \(fields) written as \(hex(written.utf8)) reads back as \(again)")
        }
    } catch {
        failed("CSVRow: \(fields) written as \(hex(written.utf8)) does not parse: \(error)")
    }
    if header {
        _ = fields == RegistryCSVFormat.personHeader || fields == RegistryCSVFormat.enterpriseHeader
            || fields == RegistryCSVFormat.demandHeader || fields == EvaluationCSVFormat.certificateHeader
            || fields == EvaluationCSVFormat.institutionHeader
    }
    for field in fields { checkField(field) }
}

let file = FileManager.default.temporaryDirectory.appendingPathComponent("jcskills-fuzz-csv-\(getpid()).csv")

/// Every line LineReader returns for the file, after checking what it says about them.
func readLines(encoding: CSVTextEncoding, maximumLineLength: Int, size: Int, _ body: (LineReader.Line, Bool) -> Void) {
    guard let reader = try? LineReader(path: file.path, encoding: encoding, maximumLineLength: maximumLineLength) else {
        failed("LineReader cannot open its file")
    }
    var count: UInt32 = 0
    while true {
        let line: LineReader.Line?
        do {
            line = try reader.next()
        } catch {
            return  // a UTF-16 file, or a byte-order mark with another encoding asked for
        }
        guard let line else { break }
        count += 1
        guard count <= UInt32(size) + 1, reader.lineNumber == count else {
            failed("LineReader(\(encoding), \(maximumLineLength)): line \(reader.lineNumber) after \(count) lines of a \(size)-byte file")
        }
        if case .text(let text) = line, text.utf8.contains(0x0A) {
            failed("LineReader(\(encoding), \(maximumLineLength)) returned a line holding a line break: \(hex(text.utf8))")
        }
        body(line, count == 1)
    }
    guard reader.bytesRead == UInt64(size), reader.size == UInt64(size) else {
        failed("LineReader(\(encoding), \(maximumLineLength)) read \(reader.bytesRead) of \(size) bytes (size \(reader.size))")
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = fuzzInput(data, size)
    currentInput = input
    guard FileManager.default.createFile(atPath: file.path, contents: Data(input)) else {
        failed("cannot write \(file.path)")
    }
    // As an import reads it; it skips empty lines after the header.
    readLines(encoding: .auto, maximumLineLength: LineReader.defaultMaximumLineLength, size: input.count) { line, first in
        if case .text(let text) = line, first || !text.isEmpty { checkLine(text, header: first) }
    }
    // The reader alone, in another encoding and with a short line limit.
    let encodings: [CSVTextEncoding] = [.utf8, .gb18030, .gbk, .big5]
    let limits = [8, 64, 1024]
    readLines(encoding: encodings[input.count % encodings.count], maximumLineLength: limits[input.count / 4 % limits.count], size: input.count) { _, _ in }
    return 0
}

@_cdecl("fuzz_csv_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, testOneInput)
}
