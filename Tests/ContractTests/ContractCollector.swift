import JCSkillsProtocol
import JCSkillsRPC

/// Builds the ``Contract`` from the routers' descriptors: every request and response message,
/// every message and enum reachable from their fields, and what is wrong with any of them.
struct ContractCollector {
    private var messages: [String: Contract.Message] = [:]
    private var enums: [String: [Contract.EnumValue]] = [:]
    private var types: [String: any WireMessage.Type] = [:]
    private var enumTypes: [String: any WireEnum.Type] = [:]
    private var problems: [String] = []

    static func collect(_ descriptors: [RPCMethodDescriptor]) -> Contract {
        var collector = ContractCollector()
        var services: [String: [Contract.Method]] = [:]
        for descriptor in descriptors {
            collector.add(descriptor.requestType)
            collector.add(descriptor.responseType)
            services[descriptor.service, default: []].append(Contract.Method(
                name: descriptor.name, path: descriptor.path, kind: descriptor.kind.contractName,
                idempotent: descriptor.isIdempotent, request: contractName(descriptor.requestType),
                response: contractName(descriptor.responseType), access: descriptor.access))
        }
        return Contract(
            services: services.keys.sorted().map { name in
                Contract.Service(name: name, methods: services[name]!.sorted { $0.name < $1.name })
            },
            messages: collector.messages, enums: collector.enums, messageTypes: collector.types,
            problems: collector.problems)
    }

    /// What is wrong with these messages and the ones they contain (for testing the checks).
    static func problems(of types: [any WireMessage.Type]) -> [String] {
        var collector = ContractCollector()
        for type in types { collector.add(type) }
        return collector.problems
    }

    private mutating func add(_ type: any WireMessage.Type) {
        let name = contractName(type)
        if let known = types[name] {
            if known != type { problems.append("two message types are named \(name)") }
            return
        }
        types[name] = type
        let recorded = Self.record(type)
        messages[name] = Contract.Message(fields: recorded.map(convert), reserved: type.reservedFieldNumbers.sorted())
        for field in recorded {
            if case .scalar(let scalar) = field.kind, scalar.hasPrefix("unknown") {
                problems.append("\(name).\(field.name) has a type SPEC.md §4.2 does not name (\(scalar.dropFirst(8)))")
            }
        }
        check(name, type, recorded)
        for field in recorded {
            switch field.kind {
            case .message(let inner): add(inner)
            case .enumeration(let enumeration): add(enumeration)
            case .scalar: break
            }
        }
    }

    private mutating func add(_ type: any WireEnum.Type) {
        let name = contractName(type)
        if let known = enumTypes[name] {
            if known != type { problems.append("two enum types are named \(name)") }
            return
        }
        enumTypes[name] = type
        let values = Self.namedValues(type)
        enums[name] = values
        if Set(values.map(\.number)).count != values.count { problems.append("enum \(name) names one number twice") }
        if Set(values.map(\.name)).count != values.count { problems.append("enum \(name) uses one name twice") }
        if !values.contains(where: { $0.number == 0 }) { problems.append("enum \(name) has no value 0, the default (SPEC.md §4.2)") }
    }

    private static func record<M: WireMessage>(_ type: M.Type) -> [RecordedField] {
        var recorder = FieldRecorder()
        var message = M()
        try! message.visitFields(&recorder)  // FieldRecorder never throws.
        return recorder.fields
    }

    private static func namedValues<E: WireEnum>(_ type: E.Type) -> [Contract.EnumValue] {
        E.namedValues.map { Contract.EnumValue(number: $0.value.rawValue, name: $0.name) }
            .sorted { $0.number < $1.number }
    }

    private func convert(_ field: RecordedField) -> Contract.Field {
        let (type, typeName): (String, String?) = switch field.kind {
        case .scalar(let name): (name, nil)
        case .message(let message): ("message", contractName(message))
        case .enumeration(let enumeration): ("enum", contractName(enumeration))
        }
        return Contract.Field(number: field.number, name: field.name, type: type, typeName: typeName, label: field.label, defaultJSON: field.defaultJSON)
    }

    /// The rules a contract must keep (SPEC.md §14.1), checked against the Swift declaration:
    /// every stored property visited once, under its own name.
    private mutating func check(_ name: String, _ type: any WireMessage.Type, _ fields: [RecordedField]) {
        let numbers = fields.map(\.number)
        for number in Set(numbers).sorted() where numbers.count(where: { $0 == number }) > 1 {
            problems.append("\(name) visits field number \(number) more than once")
        }
        let names = fields.map(\.name)
        for field in Set(names).sorted() where names.count(where: { $0 == field }) > 1 {
            problems.append("\(name) visits the name \(field) more than once")
        }
        for number in type.reservedFieldNumbers where numbers.contains(number) {
            problems.append("\(name) visits field \(number), which it reserves")
        }
        for number in numbers where number == 0 || number > maximumFieldNumber {
            problems.append("\(name) has field number \(number), outside 1 … 2^29 − 1")
        }
        let properties = Self.properties(of: type.init())
        for property in properties.map(\.label) where !names.contains(property) {
            problems.append("\(name).\(property) is a stored property that visitFields never visits")
        }
        for field in names where !properties.contains(where: { $0.label == field }) {
            problems.append("\(name) visits \"\(field)\", which is not one of its stored properties")
        }
        for (position, field) in fields.enumerated() where properties.contains(where: { $0.label == field.name }) {
            guard let reached = Self.propertyReached(type, position: position, before: properties) else { continue }
            if reached != field.name {
                problems.append("\(name) field \(field.number) is named \"\(field.name)\" but visits the property \(reached)")
            }
        }
    }

    private static func properties(of message: any WireMessage) -> [(label: String, value: String)] {
        Mirror(reflecting: message).children.map { ($0.label ?? "?", String(describing: $0.value)) }
    }

    /// The one stored property that changing the field at `position` changes; nil when the
    /// field could not be changed (a message with nothing in it) or nothing tells.
    private static func propertyReached(_ type: any WireMessage.Type, position: Int, before: [(label: String, value: String)]) -> String? {
        let after = properties(of: probed(type, position: position))
        let differing = zip(before, after).filter { $0.0.value != $0.1.value }.map(\.0.label)
        return differing.count == 1 ? differing[0] : nil
    }

    private static func probed<M: WireMessage>(_ type: M.Type, position: Int) -> M {
        var message = M()
        var probe = FieldProbe(target: position)
        try! message.visitFields(&probe)  // FieldProbe never throws.
        return message
    }
}
