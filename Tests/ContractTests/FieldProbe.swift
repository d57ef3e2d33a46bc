import JCSkillsProtocol

/// Changes one visited field of a message to a value that is not its default, so that
/// comparing the message's stored properties before and after tells which property the visit
/// really reaches — the check that a field's name is its property's (``ContractCollector``).
struct FieldProbe: WireFieldVisitor {
    /// The position, in visiting order, of the field to change; nil: the first one that can be.
    let target: Int?
    private var position = 0
    private(set) var changed = false

    init(target: Int?) { self.target = target }

    private mutating func aimed() -> Bool {
        defer { position += 1 }
        return !changed && (target == nil || target == position)
    }

    mutating func field<T: WireValue>(_ number: UInt32, _ name: StaticString, _ value: inout T) {
        guard aimed(), let other = Self.changed(value) else { return }
        value = other
        changed = true
    }

    mutating func field<T: WireValue>(_ number: UInt32, _ name: StaticString, _ value: inout T?) {
        guard aimed() else { return }
        value = value == nil ? T.wireDefault : nil
        changed = true
    }

    mutating func field<T: WireValue>(_ number: UInt32, _ name: StaticString, _ value: inout [T]) {
        guard aimed() else { return }
        value.append(T.wireDefault)
        changed = true
    }

    /// Another value than `value`, or nil for a message with nothing in it to change.
    static func changed<T: WireValue>(_ value: T) -> T? {
        switch value {
        case is String: return (value as! String == "x" ? "y" : "x") as? T
        case is Double: return (value as! Double == 1 ? 2 : 1 as Double) as? T
        case is Float: return (value as! Float == 1 ? 2 : 1 as Float) as? T
        case let bytes as WireBytes: return WireBytes(bytes.bytes + [1]) as? T
        case let message as any WireMessage: return changedMessage(message) as? T
        case let varint as any WireVarintValue: return changedVarint(varint) as? T
        default: return nil
        }
    }

    private static func changedVarint<V: WireVarintValue>(_ value: V) -> V? {
        try? V.fromVarint(value.varintValue == 2 ? 4 : 2)
    }

    private static func changedMessage<M: WireMessage>(_ message: M) -> M? {
        var copy = message
        var probe = FieldProbe(target: nil)
        try! copy.visitFields(&probe)  // FieldProbe never throws.
        return probe.changed ? copy : nil
    }
}
