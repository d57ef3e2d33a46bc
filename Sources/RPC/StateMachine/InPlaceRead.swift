extension Dictionary {
    /// Reads part of the value at `index` in place. `Dictionary.Values`' getter copies the whole
    /// value out — for a stream's state, a dozen retains and releases to read one flag, on every
    /// frame of every call (the echo benchmark's profile: BENCHMARKS.md, "CPU per call") —
    /// where its modify accessor yields the stored value itself.
    @inline(__always)
    mutating func read<Result>(at index: Index, _ body: (inout Value) -> Result) -> Result {
        body(&values[index])
    }
}
