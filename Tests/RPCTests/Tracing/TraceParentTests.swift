import JCSkillsProtocol
import Testing
import Tracing
@testable import JCSkillsRPC

/// Protocol/SPEC.md §6.4: the `traceparent` grammar, and what reaches a tracer.
@Suite("Trace context: traceparent and tracestate", .timeLimit(.minutes(1)))
struct TraceParentTests {
    static let traceID = "4bf92f3577b34da6a3ce929d0e0e4736"
    static let spanID = "00f067aa0ba902b7"
    static let sampled = "00-\(traceID)-\(spanID)-01"

    @Test func readsTheFourFieldsOfVersion00() throws {
        let parent = try #require(TraceParent(Self.sampled))
        #expect(parent.traceIDHex == Self.traceID)
        #expect(parent.parentIDHex == Self.spanID)
        #expect(parent.traceID.count == 16 && parent.parentID.count == 8)
        #expect(parent.flags == 0x01 && parent.isSampled)
        #expect(parent.description == Self.sampled)
    }

    @Test func flagsOtherThanSampledAreKeptAndNotSampledIsRead() throws {
        let unsampled = try #require(TraceParent("00-\(Self.traceID)-\(Self.spanID)-00"))
        #expect(!unsampled.isSampled)
        #expect(unsampled.description.hasSuffix("-00"))
        let other = try #require(TraceParent("00-\(Self.traceID)-\(Self.spanID)-03"))
        #expect(other.isSampled && other.flags == 0x03)
    }

    @Test func formatsFromBytesInLowerCaseWithTwoDigitFlags() throws {
        let parent = try #require(TraceParent(traceID: Array(repeating: 0xab, count: 16), parentID: [0, 0, 0, 0, 0, 0, 0, 0x0c], flags: 0x01))
        #expect(parent.description == "00-abababababababababababababababab-000000000000000c-01")
        #expect(TraceParent(parent.description) == parent)
        #expect(TraceParent(traceID: Array(repeating: 0, count: 16), parentID: Array(repeating: 1, count: 8), flags: 0) == nil)
        #expect(TraceParent(traceID: Array(repeating: 1, count: 15), parentID: Array(repeating: 1, count: 8), flags: 0) == nil)
    }

    @Test(arguments: [
        "",
        "garbage",
        "00-\(traceID)-\(spanID)",                                  // no flags
        "00-\(traceID.uppercased())-\(spanID)-01",                  // hex is lower case only
        "00-\(traceID)-\(spanID.uppercased())-01",
        "00-00000000000000000000000000000000-\(spanID)-01",          // all-zero trace id
        "00-\(traceID)-0000000000000000-01",                         // all-zero parent id
        "ff-\(traceID)-\(spanID)-01",                                // version ff is invalid
        "0g-\(traceID)-\(spanID)-01",
        "00_\(traceID)-\(spanID)-01",                                // wrong delimiter
        "00-\(traceID)_\(spanID)-01",
        "00-\(traceID)-\(spanID)-0x",
        "00-\(traceID)-\(spanID)-01-",                               // version 00 is exactly 55 characters
        "00-\(traceID)-\(spanID)-01-extra",
        "01-\(traceID)-\(spanID)-01extra",                           // a later version's extra part starts with '-'
        " 00-\(traceID)-\(spanID)-01",
    ])
    func malformedValuesAreRejected(_ text: String) {
        #expect(TraceParent(text) == nil, "\(text)")
    }

    @Test func aLaterVersionIsReadByItsFirstFourFieldsAndPassedOnAsVersion00() throws {
        let later = try #require(TraceParent("cc-\(Self.traceID)-\(Self.spanID)-01-what-the-future-adds"))
        #expect(later.description == Self.sampled)
        #expect(TraceParent("01-\(Self.traceID)-\(Self.spanID)-01")?.description == Self.sampled)
    }

    @Test func theExtractorHandsATracerOnlyAValidTraceparentAndItsTracestate() {
        let extractor = TraceMetadataExtractor()
        let valid: [MetadataEntry] = [
            MetadataEntry("request-id", "r1"), MetadataEntry("traceparent", "cc-\(Self.traceID)-\(Self.spanID)-01-x"),
            MetadataEntry("tracestate", "congo=t61rcWkgMzE, rojo=00f067aa0ba902b7"),
        ]
        #expect(extractor.extract(key: "traceparent", from: valid) == Self.sampled)
        #expect(extractor.extract(key: "tracestate", from: valid) == "congo=t61rcWkgMzE, rojo=00f067aa0ba902b7")
        #expect(extractor.extract(key: "request-id", from: valid) == nil, "the rest of the metadata is not the tracer's")

        let malformed = [MetadataEntry("traceparent", "00-zz"), MetadataEntry("tracestate", "congo=t61rcWkgMzE")]
        #expect(extractor.extract(key: "traceparent", from: malformed) == nil)
        #expect(extractor.extract(key: "tracestate", from: malformed) == nil, "tracestate means nothing without a valid traceparent")

        let badState = [MetadataEntry("traceparent", Self.sampled), MetadataEntry("tracestate", "no equals sign")]
        #expect(extractor.extract(key: "traceparent", from: badState) == Self.sampled)
        #expect(extractor.extract(key: "tracestate", from: badState) == nil)
        // The first entry of a key is the one that counts (SPEC.md §6.3).
        let twice = [MetadataEntry("traceparent", "bad"), MetadataEntry("traceparent", Self.sampled)]
        #expect(extractor.extract(key: "traceparent", from: twice) == nil)
    }

    @Test(arguments: [
        ("rojo=00f067aa0ba902b7", true),
        ("congo=t61rcWkgMzE,rojo=00f067aa0ba902b7", true),
        ("tenant@vendor=x , other/key_1-*=y", true),
        ("", true),
        ("Upper=1", false),
        ("key=", false),
        ("=value", false),
        ("key=va,=", false),
        ("key=välue", false),
        (String(repeating: "k=v,", count: 33), false),
        ("k=" + String(repeating: "v", count: 600), false),
    ])
    func tracestateSyntax(_ text: String, _ valid: Bool) {
        #expect(TraceStateSyntax.isValid(text) == valid, "\(text)")
    }

    @Test func theInjectorWritesOnlyTheW3CKeysAndReplacesAStaleValue() {
        let injector = TraceMetadataInjector()
        var metadata = [MetadataEntry("traceparent", "stale"), MetadataEntry("accept-language", "zh")]
        injector.inject(Self.sampled, forKey: "traceparent", into: &metadata)
        injector.inject("rojo=1", forKey: "tracestate", into: &metadata)
        injector.inject("x", forKey: "baggage", into: &metadata)
        injector.inject("not a traceparent", forKey: "traceparent", into: &metadata)
        #expect(metadata == [MetadataEntry("accept-language", "zh"), MetadataEntry("traceparent", Self.sampled), MetadataEntry("tracestate", "rojo=1")])
    }
}
