import Synchronization

/// Figures read from the store and kept for a few seconds, per key, for the calls the gateway
/// makes thousands of times a second (every `Totals` asks every source about each scope on two
/// dates). Writes through this process forget them at once (``invalidate()``); the age limit
/// bounds how long another replica's writes (one PostgreSQL, several services) stay unseen.
///
/// A read that began before a write must not be kept after it: ``lookup(_:now:)`` hands out the
/// generation the read begins at, and ``store(_:for:generation:now:)`` keeps nothing read at an
/// older one.
public final class FigureMemo<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    public let maximumAge: Duration
    /// Keys kept at most; past it the memo starts again (a day no one asks twice is not kept for ever).
    public let maximumEntries: Int

    // Inlinable, like the methods below: a memo of the gateway's hot path, read a few times
    // every answer, was otherwise run unspecialised in the service's module, each call looking
    // up its generic metadata (BENCHMARKS.md note 27).
    @usableFromInline let entries = Mutex<(generation: UInt64, values: [Key: (Value, ContinuousClock.Instant)])>((0, [:]))
    @usableFromInline let flights = SingleFlight<Key, Value>()

    public init(maximumAge: Duration = .seconds(5), maximumEntries: Int = 256) {
        self.maximumAge = maximumAge
        self.maximumEntries = maximumEntries
    }

    /// The value for `key` if read less than ``maximumAge`` ago, and the generation to hand back
    /// to ``store(_:for:generation:now:)`` after reading it afresh.
    @inlinable
    public func lookup(_ key: Key, now: ContinuousClock.Instant = .now) -> (value: Value?, generation: UInt64) {
        entries.withLock { state in
            guard let (value, read) = state.values[key], now - read < maximumAge else { return (nil, state.generation) }
            return (value, state.generation)
        }
    }

    /// Keeps `value`, read at `generation`, unless a write came since (it may predate the write).
    @inlinable
    public func store(_ value: Value, for key: Key, generation: UInt64, now: ContinuousClock.Instant = .now) {
        entries.withLock { state in
            guard state.generation == generation else { return }
            if state.values.count >= maximumEntries { state.values.removeAll() }
            state.values[key] = (value, now)
        }
    }

    /// The value for `key`: the memo's when fresh, else what `read` finds, kept unless a write
    /// came between. Calls that miss together share one read (``SingleFlight``).
    @inlinable
    public func value(_ key: Key, read: () async throws -> Value) async throws -> Value {
        if let known = lookup(key).value { return known }
        return try await flights.run(key) {
            // Kept by the read this call waited to start, or missed: read.
            let (known, generation) = lookup(key)
            if let known { return known }
            let value = try await read()
            store(value, for: key, generation: generation)
            return value
        }
    }

    /// After any write the figures may depend on.
    @inlinable
    public func invalidate() {
        entries.withLock { state in
            state.generation &+= 1
            state.values.removeAll()
        }
        flights.forget()
    }
}
