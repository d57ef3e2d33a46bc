import Foundation

/// The generated part of SPEC.md §14: the same contract as Protocol/contracts.json, as tables.
enum ContractMarkdown {
    static let begin = "<!-- contracts:begin -->"
    static let end = "<!-- contracts:end -->"

    /// The text between the markers, the markers included.
    static func render(_ contract: Contract) -> String {
        var lines = [
            begin,
            "<!-- Generated from the code by Tests/ContractTests: do not edit by hand. To regenerate:",
            "     JCSKILLS_UPDATE_CONTRACTS=1 swift test --filter ContractTests -->",
            "",
            "### 14.2 Services",
            "",
            "Shapes are those of §5; \"who may call\" is the method's access policy (§2.4 identities).",
        ]
        for service in contract.services {
            lines += ["", "#### `\(service.name)`", "",
                      "| method | shape | idempotent | request → response | who may call |", "|---|---|---|---|---|"]
            for method in service.methods {
                lines.append("| `\(method.path)` | \(shape(method.kind)) | \(method.idempotent ? "yes" : "no") | `\(method.request)` → `\(method.response)` | \(cell(method.access)) |")
            }
        }
        lines += ["", "### 14.3 Messages", "",
                  "Types as in §4.2; a default is given where a new message's field is not the type's zero value."]
        for name in contract.messages.keys.sorted() {
            let message = contract.messages[name]!
            lines += ["", "#### `\(name)`", ""]
            if message.fields.isEmpty {
                lines.append("No fields.")
            } else {
                lines += ["| # | field | type | default |", "|---|---|---|---|"]
                for field in message.fields {
                    lines.append("| \(field.number) | `\(field.name)` | \(type(field)) | \(field.defaultJSON.map { "`\(cell($0))`" } ?? "") |")
                }
            }
            if !message.reserved.isEmpty {
                lines += ["", "Reserved: " + message.reserved.map(String.init).joined(separator: ", ") + "."]
            }
        }
        lines += ["", "### 14.4 Enums", "", "| enum | values |", "|---|---|"]
        for name in contract.enums.keys.sorted() {
            let values = contract.enums[name]!.map { "\($0.number) `\($0.name)`" }.joined(separator: ", ")
            lines.append("| `\(name)` | \(values) |")
        }
        lines += ["", end]
        return lines.joined(separator: "\n")
    }

    private static func shape(_ kind: String) -> String {
        switch kind {
        case "serverStreaming": "server streaming"
        case "clientStreaming": "client streaming"
        case "bidirectionalStreaming": "bidirectional"
        default: kind
        }
    }

    private static func type(_ field: Contract.Field) -> String {
        let base = field.typeName.map { "\(field.type) `\($0)`" } ?? field.type
        return field.label == "singular" ? base : "\(field.label) \(base)"
    }

    private static func cell(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }
}
