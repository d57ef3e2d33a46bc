import Foundation
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsServiceKit
import JCSkillsStore
import JCSkillsTestSupport
import Testing
@testable import RegistryService

/// A small tmpfs of the test's own, to fill up.
enum Tmpfs {
    /// Whether `mount -t tmpfs` works here (root, or CAP_SYS_ADMIN): tried once on a scratch directory.
    static let mountable: Bool = {
        guard let directory = try? makeTemporaryDirectory("jcskills-tmpfs-probe") else { return false }
        defer { try? FileManager.default.removeItem(atPath: directory) }
        guard mount(directory, megabytes: 1) else { return false }
        unmount(directory)
        return true
    }()

    /// Mounts a tmpfs of `megabytes` on `directory`; false when refused.
    static func mount(_ directory: String, megabytes: Int) -> Bool {
        (try? runBlocking(["mount", "-t", "tmpfs", "-o", "size=\(megabytes)m,mode=0700", "tmpfs", directory]))?.status == 0
    }

    static func unmount(_ directory: String) {
        if (try? runBlocking(["umount", directory]))?.status != 0 { _ = try? runBlocking(["umount", "-l", directory]) }
    }

    /// Writes `path` until the file system has no room left; returns the bytes written.
    static func fill(_ path: String) throws -> Int {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(descriptor) }
        var written = 0
        for size in [1 << 16, 4096, 512, 1] {
            let chunk = [UInt8](repeating: 0x5A, count: size)
            while true {
                let result = chunk.withUnsafeBytes { write(descriptor, $0.baseAddress, size) }
                if result <= 0 { break }
                written += result
            }
            guard errno == ENOSPC else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        }
        return written
    }
}

/// The registry's SQLite database on a disk that fills up.
///
/// The data directory is an 8 MiB tmpfs. After some acknowledged writes the test fills the
/// file system to the last byte with a file of its own. Writes must then fail with a clear
/// answer — RESOURCE_EXHAUSTED naming the full disk (or UNAVAILABLE saying so), never INTERNAL —
/// while reads go on. Once the file is deleted the same process must take writes again (the
/// refused ones, sent again with their idempotency keys, are acknowledged once); after a
/// restart every acknowledged write is there and `PRAGMA integrity_check` says ok.
@Suite("Faults: the disk fills up", .serialized, .timeLimit(.minutes(2)))
struct FullDiskTests {
    static let before = 30
    static let during = 30
    static let importRows = 2_000

    @Test("registry on SQLite: a full disk refuses writes clearly, corrupts nothing, and writes resume once space is freed",
          .enabled(if: Tmpfs.mountable, "mount -t tmpfs was refused (it needs root or CAP_SYS_ADMIN), so the disk cannot be filled here"))
    func fullDisk() async throws {
        let started = ContinuousClock.now
        let home = try makeTemporaryDirectory("jcskills-full-disk")
        defer { try? FileManager.default.removeItem(atPath: home) }
        let disk = "\(home)/disk"
        try FileManager.default.createDirectory(atPath: disk, withIntermediateDirectories: true)
        try #require(Tmpfs.mount(disk, megabytes: 8), "mounting an 8 MiB tmpfs on \(disk)")
        defer { Tmpfs.unmount(disk) }
        let service = try ServiceProcess("jcskills-registry", home: home, data: "\(disk)/data")
        defer { service.kill() }
        try await service.start()
        let pid = service.process?.processIdentifier

        let ids = faultTestIDs(Self.before + Self.during + Self.importRows)
        func register(_ index: Int, _ client: RPCClient) async throws -> String {
            try await client.unary(RegistryService.registerPerson, .sample(id: ids[index], name: "满盘\(index)"),
                                   options: CallOptions(idempotencyKey: "full-disk-\(index)")).cardNumber
        }
        let batch = PersonImportBatch(rows: (Self.before + Self.during..<ids.count).map {
            PersonImportRow(line: UInt32($0), person: .sample(id: ids[$0], name: "导入\($0)"))
        })
        var acknowledged: [Int: String] = [:]
        var refusals: [String] = []
        var imported: ImportSummary?
        try await withFaultClient(service.endpoint) { client in
            for index in 0..<Self.before { acknowledged[index] = try await register(index, client) }

            let filler = "\(disk)/filler"
            let filled = try Tmpfs.fill(filler)
            // The import needs more room than the log file usually has; writes may still fit in
            // log space SQLite already owns (how much depends on where the background
            // checkpointer had got to: the import itself went in once in a few runs), and those
            // are acknowledged like any other.
            do {
                imported = try await importOnce(client, RegistryService.importPersons, batch)
            } catch let error as RPCError {
                refusals.append("ImportPersons: \(error.code.name): \(error.message)")
            }
            for index in Self.before..<(Self.before + Self.during) {
                do {
                    acknowledged[index] = try await register(index, client)
                } catch let error as RPCError {
                    refusals.append("RegisterPerson \(index): \(error.code.name): \(error.message)")
                }
            }
            // Reads that write nothing go on; one that shows personal data in full must be
            // audited first, and is refused as clearly as a write when the audit cannot be.
            let statistics = try await client.unary(RegistryService.statistics, StatisticsRequest(county: 0, summaryOnly: true))
            #expect(statistics.registered == UInt64(acknowledged.count) + (imported?.accepted ?? 0))
            do {
                _ = try await client.unary(RegistryService.getPerson, PersonLookup(cardNumber: acknowledged[0]!))
            } catch let error as RPCError {
                refusals.append("GetPerson (audited): \(error.code.name): \(error.message)")
            }
            print("fault: full disk: filled \(filled) bytes; \(refusals.count) writes refused, "
                  + "\(acknowledged.count - Self.before) of \(Self.during) single writes acknowledged; first refusal: \(refusals.first ?? "none")")
            #expect(imported == nil || imported?.accepted == UInt64(Self.importRows), "\(String(describing: imported))")
            #expect(!refusals.isEmpty, "no write was refused on a full disk")
            for refusal in refusals {
                let clear = refusal.contains("RESOURCE_EXHAUSTED") || (refusal.contains("UNAVAILABLE") && refusal.contains("full"))
                #expect(clear && refusal.contains("disk is full"), "not a clear full-disk answer: \(refusal)")
            }

            // Space again: the same process takes the writes it refused.
            try FileManager.default.removeItem(atPath: filler)
            var retried = 0
            imported = try await untilAcknowledged(service.endpoint, within: .seconds(20), onRetry: { retried += 1 }) {
                try await importOnce(client, RegistryService.importPersons, batch)
            }
            for index in Self.before..<(Self.before + Self.during) {
                let card = try await untilAcknowledged(service.endpoint, within: .seconds(20), onRetry: { retried += 1 }) { try await register(index, client) }
                #expect(acknowledged[index] == nil || acknowledged[index] == card, "write \(index) answered \(card), first \(acknowledged[index] ?? "")")
                acknowledged[index] = card
            }
            #expect(retried == 0, "\(retried) writes were refused after the space was freed")
        }
        #expect(service.process?.processIdentifier == pid)
        let summary = try #require(imported)
        #expect(summary.accepted + summary.alreadyRegistered == UInt64(Self.importRows) && summary.rejected == 0, "\(summary)")

        // A restart on the same files: the service's count, then the files themselves.
        #expect(await service.stop() == 0, "\(service.log)")
        try await service.start()
        let statistics = try await withFaultClient(service.endpoint) { client in
            try await client.unary(RegistryService.statistics, StatisticsRequest(county: 0, summaryOnly: true))
        }
        #expect(await service.stop() == 0, "\(service.log)")

        let personal = try PersonalData(keyFile: "\(service.dataDirectory)/\(ServiceStore.keyFileName)")
        let location = StoreLocation.sqlite(path: "\(service.dataDirectory)/registry.sqlite")
        try await withOpenStore(testConfiguration("registry", location), migrations: RegistrySchema.migrations) { store in
            let rows = try await countBy(store, "SELECT id_index FROM persons", column: "id_index", as: Data.self)
            let integrity = try await integrityCheck(store)
            var tally = FaultTally(name: "registry/sqlite full disk")
            tally.recount(acknowledged: ids.map { personal.blindIndex($0, for: .idNumber) }, stored: rows)
            let total = rows.values.reduce(0, +)
            if total != ids.count { tally.anomalies.append("\(total) rows for \(ids.count) acknowledged writes") }
            if Int(statistics.registered) != total { tally.anomalies.append("Statistics says \(statistics.registered) registered after the restart") }
            if integrity != "ok" { tally.anomalies.append("integrity_check: \(integrity ?? "not run")") }
            tally.check(expecting: ids.count)
            print("fault: full disk: integrity_check \(integrity ?? "-"), \(ContinuousClock.now - started)")
        }
    }
}
