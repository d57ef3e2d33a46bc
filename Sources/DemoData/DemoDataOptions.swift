/// What every demo data set is generated from: the registry demo's persons and enterprises,
/// which the other services' demo data draw their trainees, holders, competitors and providers
/// from, and the seed they share. Rows the registry's `invalidRowEvery` breaks are never
/// registered, so the other sets leave them out.
public struct DemoDataOptions: Hashable, Sendable {
    /// Number of person rows, broken ones included.
    public var persons: Int
    public var enterprises: Int
    public var seed: UInt64
    /// Break every n-th person row (``PersonRowDefect``); nil (the default) for none.
    public var invalidRowEvery: Int?

    public init(persons: Int, enterprises: Int, seed: UInt64, invalidRowEvery: Int? = nil) {
        precondition(persons >= 0 && enterprises >= 0, "counts must not be negative")
        precondition(invalidRowEvery.map { $0 > 0 } ?? true, "invalidRowEvery must be positive")
        self.persons = persons
        self.enterprises = enterprises
        self.seed = seed
        self.invalidRowEvery = invalidRowEvery
    }
}

/// A demo data set built on ``DemoDataOptions``: the one prologue the services' generators
/// share, so they cannot disagree on whose persons they mean.
public protocol DemoDataSet: Sendable {
    var options: DemoDataOptions { get }
}

extension DemoDataSet {
    public var persons: Int { options.persons }
    public var enterprises: Int { options.enterprises }
    public var seed: UInt64 { options.seed }
    public var invalidRowEvery: Int? { options.invalidRowEvery }

    /// The registry demo data these are consistent with.
    public var registry: RegistryDemoData { RegistryDemoData(options) }
}
