import JCSkillsProtocol
import Tracing

/// The two W3C entries of a call's HEADERS metadata (Protocol/SPEC.md §6.4), read and written
/// for a tracer.
///
/// A tracer sees nothing else of the metadata: the rest belongs to the application (request
/// ids, idempotency keys). Malformed values are dropped here, before any tracer parses them,
/// so a caller's bad `traceparent` costs the call nothing and fills no log.
enum TraceMetadata {
    /// The caller's trace context, when its `traceparent` is valid.
    static func traceParent(in metadata: [MetadataEntry]) -> TraceParent? {
        metadata.first { $0.key == MetadataKey.traceParent }.flatMap { TraceParent($0.value) }
    }

    /// The caller's `tracestate`, kept only beside a valid `traceparent` and when well formed.
    static func traceState(in metadata: [MetadataEntry]) -> String? {
        guard let value = metadata.first(where: { $0.key == MetadataKey.traceState })?.value,
              TraceStateSyntax.isValid(value) else { return nil }
        return value
    }

    /// Whether an entry is one of the two this runtime writes for a traced call.
    static func isTraceEntry(_ entry: MetadataEntry) -> Bool {
        entry.key == MetadataKey.traceParent || entry.key == MetadataKey.traceState
    }
}

/// Hands a tracer the caller's trace context: a valid `traceparent` in its version-00 form,
/// and the `tracestate` that goes with it.
struct TraceMetadataExtractor: Extractor {
    func extract(key: String, from carrier: [MetadataEntry]) -> String? {
        switch key {
        case MetadataKey.traceParent:
            return TraceMetadata.traceParent(in: carrier)?.description
        case MetadataKey.traceState:
            // W3C: without a valid traceparent, tracestate means nothing.
            guard TraceMetadata.traceParent(in: carrier) != nil else { return nil }
            return TraceMetadata.traceState(in: carrier)
        default:
            return nil
        }
    }
}

/// Takes a tracer's trace context into a call's metadata: `traceparent` and `tracestate` only.
struct TraceMetadataInjector: Injector {
    func inject(_ value: String, forKey key: String, into carrier: inout [MetadataEntry]) {
        switch key {
        case MetadataKey.traceParent:
            guard TraceParent(value) != nil else { return }
        case MetadataKey.traceState:
            guard TraceStateSyntax.isValid(value) else { return }
        default:
            return
        }
        carrier.removeAll { $0.key == key }
        carrier.append(MetadataEntry(key, value))
    }
}

/// The W3C `tracestate` grammar, loosely: at most 32 comma-separated `key=value` members, each
/// key of `[a-z0-9_*/@-]`, each value printable ASCII without `,` or `=`, 512 bytes in all.
enum TraceStateSyntax {
    static let maximumLength = 512
    static let maximumMembers = 32

    static func isValid(_ text: String) -> Bool {
        let bytes = text.utf8
        guard bytes.count <= maximumLength else { return false }
        var members = 0
        for member in bytes.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false) {
            let trimmed = member.drop { $0 == 0x20 || $0 == 0x09 }.reversed().drop { $0 == 0x20 || $0 == 0x09 }.reversed()
            if trimmed.isEmpty { continue }
            members += 1
            guard members <= maximumMembers,
                  let equals = trimmed.firstIndex(of: UInt8(ascii: "=")) else { return false }
            let key = trimmed[..<equals]
            let value = trimmed[trimmed.index(after: equals)...]
            guard !key.isEmpty, key.allSatisfy(isKeyByte), !value.isEmpty, value.allSatisfy(isValueByte) else { return false }
        }
        return true
    }

    private static func isKeyByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
        case UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "/"), UInt8(ascii: "@"): true
        default: false
        }
    }

    private static func isValueByte(_ byte: UInt8) -> Bool {
        (0x20...0x7e).contains(byte) && byte != UInt8(ascii: ",") && byte != UInt8(ascii: "=")
    }
}
