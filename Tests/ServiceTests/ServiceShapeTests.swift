import Foundation
import Testing

/// Every service has the shape docs/ARCHITECTURE.md gives it: its code under `Service/` in the
/// folders of the template table (the concerns), every required one present, no other folder
/// and no file outside them. The table is read from the document itself, so the document and
/// the check cannot drift apart.
@Suite("Services: one shape for every service")
struct ServiceShapeTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized

    /// The template's rows: "| `Name/` | required | …" or "| `Name/` | optional | …".
    static func template() throws -> (required: Set<String>, optional: Set<String>) {
        let text = try String(contentsOf: root.appendingPathComponent("docs/ARCHITECTURE.md"), encoding: .utf8)
        var required: Set<String> = [], optional: Set<String> = []
        for line in text.split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 2, cells[0].hasPrefix("`"), cells[0].hasSuffix("/`") else { continue }
            let name = String(cells[0].dropFirst().dropLast(2))
            switch cells[1] {
            case "required": required.insert(name)
            case "optional": optional.insert(name)
            default: continue
            }
        }
        return (required, optional)
    }

    static var services: [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Services").path).filter { !$0.hasPrefix(".") }.sorted()) ?? []
    }

    @Test func theTemplateIsDocumented() throws {
        let template = try Self.template()
        #expect(template.required == ["Definition", "RPC", "Access"])
        #expect(!template.optional.isEmpty)
        #expect(Self.services.count == 5, "registry, evaluation, gateway, training, competition: \(Self.services)")
    }

    @Test(arguments: services)
    func followsTheTemplate(service: String) throws {
        let template = try Self.template()
        let folder = Self.root.appendingPathComponent("Services/\(service)/Service")
        var isDirectory: ObjCBool = false
        var concerns: Set<String> = [], loose: [String] = []
        for entry in try FileManager.default.contentsOfDirectory(atPath: folder.path) where !entry.hasPrefix(".") {
            _ = FileManager.default.fileExists(atPath: folder.appendingPathComponent(entry).path, isDirectory: &isDirectory)
            if isDirectory.boolValue { concerns.insert(entry) } else { loose.append(entry) }
        }
        #expect(loose.isEmpty, "files outside the concerns' folders in \(service): \(loose.sorted())")
        #expect(template.required.subtracting(concerns).isEmpty, "\(service) lacks \(template.required.subtracting(concerns).sorted())")
        let unknown = concerns.subtracting(template.required).subtracting(template.optional)
        #expect(unknown.isEmpty, "\(service) has folders the template does not know: \(unknown.sorted()) (docs/ARCHITECTURE.md)")
    }
}
