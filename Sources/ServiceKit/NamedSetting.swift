/// A number a service reads by name from a section of its config file and from a repeatable
/// `--FLAG NAME=VALUE` flag, setting one field of `Target` (``ServerLimit`` for the RPC
/// server, ``StoreSetting`` for the store). What is not named keeps its default.
public struct NamedSetting<Target>: Sendable {
    public let name: String
    public let unit: String
    /// The range that makes sense: from 1 for counts and sizes; 0…1 for an on/off setting.
    let range: ClosedRange<Int>
    let apply: @Sendable (inout Target, Int) -> Void
    /// The setting's value in a target, in ``unit``.
    public let current: @Sendable (Target) -> Int

    init(name: String, unit: String, range: ClosedRange<Int> = 1...Int.max,
         apply: @escaping @Sendable (inout Target, Int) -> Void, current: @escaping @Sendable (Target) -> Int) {
        self.name = name
        self.unit = unit
        self.range = range
        self.apply = apply
        self.current = current
    }

    /// A setting kept as a whole number in `Target`.
    static func number(_ name: String, unit: String, range: ClosedRange<Int> = 1...Int.max,
                       _ field: WritableKeyPath<Target, Int> & Sendable) -> NamedSetting {
        NamedSetting(name: name, unit: unit, range: range, apply: { $0[keyPath: field] = $1 }, current: { $0[keyPath: field] })
    }

    /// An on/off setting: 1 on, 0 off.
    static func flag(_ name: String, _ field: WritableKeyPath<Target, Bool> & Sendable) -> NamedSetting {
        NamedSetting(name: name, unit: "0 off, 1 on", range: 0...1,
                     apply: { $0[keyPath: field] = $1 != 0 }, current: { $0[keyPath: field] ? 1 : 0 })
    }

    /// Sets the named values on `target`; an unknown name or a value out of range is an error.
    static func apply(_ values: [String: Int], from table: [NamedSetting], to target: inout Target, source: String) throws {
        for (name, value) in values.sorted(by: { $0.key < $1.key }) {
            guard let setting = table.first(where: { $0.name == name }) else {
                throw ConfigurationError("\(source): unknown name '\(name)'; known: \(table.map(\.name).joined(separator: ", "))")
            }
            guard setting.range.contains(value) else {
                let allowed = setting.range.upperBound == Int.max ? "at least \(setting.range.lowerBound)" : "\(setting.range.lowerBound)–\(setting.range.upperBound)"
                throw ConfigurationError("\(source): \(name) must be \(allowed) (\(setting.unit)), not \(value)")
            }
            setting.apply(&target, value)
        }
    }

    /// Parses `NAME=VALUE` as `flag` takes it; `example` shows a valid one in the error.
    static func parse(_ text: String, flag: String, example: String) throws -> (String, Int) {
        let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2, let value = Int(parts[1].replacingOccurrences(of: "_", with: "")) else {
            throw ConfigurationError("\(flag) \(text): expected NAME=NUMBER, e.g. \(example)")
        }
        return (parts[0], value)
    }
}
