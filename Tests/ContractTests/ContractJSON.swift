/// Protocol/contracts.json: the contract for programs in other languages (a client generates
/// its messages from it). One method, field or enum value per line, so a change reads as a
/// small diff.
enum ContractJSON {
    static func render(_ contract: Contract) -> String {
        var lines = ["{", "  \"protocol\": \(Contract.protocolVersion),", "  \"services\": ["]
        for (index, service) in contract.services.enumerated() {
            lines.append("    {")
            lines.append("      \"name\": \(JSONText.string(service.name)),")
            lines.append("      \"methods\": [")
            lines += list(service.methods.map(method), indent: 8)
            lines.append("      ]")
            lines.append("    }" + comma(index, contract.services.count))
        }
        lines.append("  ],")
        lines.append("  \"messages\": {")
        let messageNames = contract.messages.keys.sorted()
        for (index, name) in messageNames.enumerated() {
            let message = contract.messages[name]!
            lines.append("    \(JSONText.string(name)): {")
            if message.fields.isEmpty {
                lines.append("      \"fields\": [],")
            } else {
                lines.append("      \"fields\": [")
                lines += list(message.fields.map(field), indent: 8)
                lines.append("      ],")
            }
            lines.append("      \"reserved\": [" + message.reserved.map(String.init).joined(separator: ", ") + "]")
            lines.append("    }" + comma(index, messageNames.count))
        }
        lines.append("  },")
        lines.append("  \"enums\": {")
        let enumNames = contract.enums.keys.sorted()
        for (index, name) in enumNames.enumerated() {
            lines.append("    \(JSONText.string(name)): {")
            lines.append("      \"values\": [")
            lines += list(contract.enums[name]!.map { JSONText.object([("number", String($0.number)), ("name", JSONText.string($0.name))]) }, indent: 8)
            lines.append("      ]")
            lines.append("    }" + comma(index, enumNames.count))
        }
        lines.append("  }")
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func method(_ method: Contract.Method) -> String {
        JSONText.object([
            ("name", JSONText.string(method.name)), ("path", JSONText.string(method.path)),
            ("kind", JSONText.string(method.kind)), ("idempotent", method.idempotent ? "true" : "false"),
            ("request", JSONText.string(method.request)), ("response", JSONText.string(method.response)),
            ("access", JSONText.string(method.access)),
        ])
    }

    private static func field(_ field: Contract.Field) -> String {
        var pairs = [("number", String(field.number)), ("name", JSONText.string(field.name)), ("type", JSONText.string(field.type))]
        if let typeName = field.typeName { pairs.append((field.type, JSONText.string(typeName))) }
        pairs.append(("label", JSONText.string(field.label)))
        pairs.append(("default", field.defaultJSON ?? "null"))
        return JSONText.object(pairs)
    }

    private static func list(_ items: [String], indent: Int) -> [String] {
        let pad = String(repeating: " ", count: indent)
        return items.enumerated().map { pad + $0.element + comma($0.offset, items.count) }
    }

    private static func comma(_ index: Int, _ count: Int) -> String { index + 1 < count ? "," : "" }
}
