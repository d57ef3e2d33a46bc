import Foundation
import Testing

/// Every text of the catalogue (Sources/Messages/Catalogue) has both languages: read from its
/// sources, since a `Message` built in a function cannot be listed at run time.
@Suite("The catalogue: every text in Chinese and English")
struct CatalogueTests {
    /// Chinese texts that are the same in both languages and so hold no Chinese character:
    /// units and the percentiles' names; a language's tag and its own name (the dashboard's
    /// language switch names English in English whatever the page's language).
    static let languageNeutral: Set<String> = ["p50 µs", "p90 µs", "p99 µs", "p99.9 µs", "zh-CN", "English"]

    struct Entry {
        let zh: SwiftSource.Literal?
        let en: SwiftSource.Literal?
        let place: String
    }

    static func entries() throws -> [Entry] {
        var entries: [Entry] = []
        for file in SwiftSource.files(under: "Sources/Messages/Catalogue") {
            let source = try SwiftSource(path: "\(SwiftSource.root)/\(file)")
            let token = Array("Message(".utf8)
            var index = 0
            while let at = source.firstIndex(of: token, from: index) {
                index = at + token.count
                guard let zhLabel = source.firstIndex(of: Array("zh:".utf8), from: index), zhLabel < index + 40 else { continue }
                let zh = source.literal(after: zhLabel + 3)
                guard let enLabel = source.firstIndex(of: Array("en:".utf8), from: zh?.end ?? zhLabel + 3) else { continue }
                let en = source.literal(after: enLabel + 3)
                entries.append(Entry(zh: zh, en: en, place: "\(file):\(source.lineNumber(at: at))"))
            }
        }
        return entries
    }

    @Test("the catalogue's files are found")
    func found() throws {
        #expect(try Self.entries().count > 100)
    }

    @Test("each Chinese text holds Chinese")
    func chinese() throws {
        for entry in try Self.entries() {
            guard let zh = entry.zh else { continue }  // a value: checked where it is made
            let text = zh.text.withoutInterpolations
            guard !Self.languageNeutral.contains(zh.text) else { continue }
            // A text of values and signs only (`\(a) / \(b)`) says nothing in either language.
            let words = text.unicodeScalars.contains { ("a"..."z").contains($0) || ("A"..."Z").contains($0) }
            #expect(text.hasChinese || !words, "\(entry.place): zh \"\(zh.text)\" has no Chinese")
        }
    }

    @Test("each English text is there")
    func english() throws {
        for entry in try Self.entries() where entry.zh != nil {
            guard let en = entry.en else { continue }
            #expect(!en.text.trimmingCharacters(in: .whitespaces).isEmpty, "\(entry.place): en is empty")
        }
    }

    /// Within an area (one file): areas are kept by different people, and a word two areas
    /// share reads the same in both.
    @Test("no text is in an area twice")
    func unique() throws {
        var seen: [String: String] = [:]
        for entry in try Self.entries() {
            guard let zh = entry.zh, let en = entry.en, !zh.text.contains("\\("), !en.text.contains("\\(") else { continue }
            let key = entry.place.prefix { $0 != ":" } + "\u{0}" + zh.text + "\u{0}" + en.text
            #expect(seen[key] == nil, "\(entry.place): the same text as \(seen[key] ?? "")")
            seen[key] = seen[key] ?? entry.place
        }
    }
}
