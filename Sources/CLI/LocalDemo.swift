import Foundation
import JCSkillsDemoData
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsServiceKit

extension LocalCluster {
    /// The demo set `local up --demo` loads: small enough to load in seconds, large enough for
    /// every county and category to show up in the numbers.
    static let demoPersons = 5_000
    static let demoEnterprises = 200
    static let demoSeed: UInt64 = 2020

    /// Generates the demo CSV files and imports them through the services' own import calls,
    /// as a department would. Loads once per home (a marker file records it).
    func loadDemo() async throws {
        let marker = "\(home)/demo/.loaded"
        if FileManager.default.fileExists(atPath: marker) {
            print("demo data already loaded (remove \(marker) and the data directory to start over)")
            return
        }
        let directory = "\(home)/demo"
        let data = RegistryDemoData(persons: Self.demoPersons, enterprises: Self.demoEnterprises, seed: Self.demoSeed)
        try data.write(to: directory)
        var configuration = ClientConfiguration(tls: TLSFiles(directory: pkiDirectory, identity: "admin"))
        configuration.defaultTimeout = .seconds(300)
        let registry = try RPCClient(endpoints: [Endpoint(host: "127.0.0.1", port: ServiceKind.registry.defaultPort)], configuration: configuration)
        let persons = try await RegistryImports.persons.run(file: "\(directory)/\(RegistryCSVFormat.personsFileName)", client: registry).summary
        let enterprises = try await RegistryImports.enterprises.run(file: "\(directory)/\(RegistryCSVFormat.enterprisesFileName)", client: registry).summary
        let demand = try await RegistryImports.demand.run(file: "\(directory)/\(RegistryCSVFormat.demandFileName)", client: registry).summary
        await registry.close()
        print("demo data: registry \(persons.accepted) persons, \(enterprises.accepted) enterprises, \(demand.accepted) demand lines")
        // Evaluation after the registry: its enterprise bodies are checked against the
        // registry's enterprises, and its holders are the registry's demo persons.
        let evaluationData = EvaluationDemoData(persons: Self.demoPersons, enterprises: Self.demoEnterprises, seed: Self.demoSeed)
        try evaluationData.write(to: directory)
        let evaluation = try RPCClient(endpoints: [Endpoint(host: "127.0.0.1", port: ServiceKind.evaluation.defaultPort)], configuration: configuration)
        let institutions = try await EvaluationImports.institutions(file: "\(directory)/\(EvaluationCSVFormat.institutionsFileName)", client: evaluation).summary
        let certificates = try await EvaluationImports.certificates.run(file: "\(directory)/\(EvaluationCSVFormat.certificatesFileName)", client: evaluation).summary
        await evaluation.close()
        print("demo data: evaluation \(institutions.accepted) institutions, \(certificates.accepted) certificates")
        for error in (institutions.errors + certificates.errors).prefix(5) {
            print("  refused line \(error.line)\(error.column.isEmpty ? "" : ", \(error.column)"): \(error.reason)")
        }
        try Data().write(to: URL(fileURLWithPath: marker))
    }
}
