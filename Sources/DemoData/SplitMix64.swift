/// The demo data's random source: SplitMix64 (Steele, Lea, Flood 2014), small and fast, with
/// output fully determined by the seed on every platform and toolchain.
///
/// Deliberately not `SystemRandomNumberGenerator` (not reproducible) and not used through the
/// standard library's `random(in:using:)` helpers (their algorithms may change between Swift
/// releases, which would change "the same" demo data): the bounded draws below are our own.
public struct SplitMix64: Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// A generator for one item of a stream — row `index` of a file — independent of every
    /// other item, so rows can be regenerated alone and corrupting one row changes no other.
    public init(seed: UInt64, stream: UInt64, index: UInt64) {
        // Both steps go through the bijective finaliser, so neighbouring indexes start at
        // unrelated states rather than at states a few increments apart.
        let base = SplitMix64.finalize(seed ^ (stream &* 0xD1B5_4A32_D192_ED03))
        state = SplitMix64.finalize(base &+ index &* 0x9E37_79B9_7F4A_7C15)
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return SplitMix64.finalize(state)
    }

    /// SplitMix64's output function: a bijection of 64-bit values with full avalanche.
    static func finalize(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in `0..<bound` (Lemire's multiply-shift with rejection, so no modulo
    /// bias). `bound` must be positive.
    public mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0, "bound must be positive")
        let range = UInt64(bound)
        var product = next().multipliedFullWidth(by: range)
        if product.low < range {
            let threshold = (0 &- range) % range
            while product.low < threshold { product = next().multipliedFullWidth(by: range) }
        }
        return Int(product.high)
    }

    /// A uniform integer in `range`.
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.count)
    }

    /// A uniform double in [0, 1) with 53 random bits.
    public mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// True with probability `p`.
    public mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// A uniformly chosen element of a non-empty array.
    public mutating func element<T>(of array: [T]) -> T { array[below(array.count)] }
}
