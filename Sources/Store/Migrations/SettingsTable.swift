import SQLKit

/// What a service records about its own database (`jcs_settings`, one value per service and
/// name): the key file's fingerprint (``KeyCheck``), the key its sealed values were last sealed
/// again with and the tables that hold them (Store+Reseal.swift).
enum SettingsTable {
    static func value(_ name: String, service: String, in db: any SQLDatabase) async throws -> String? {
        try await db.nativeRows("SELECT value FROM jcs_settings WHERE service = ? AND name = ?",
                                [.text(service), .text(name)]).first?.string("value")
    }

    /// Records `value` under `name`; a value already recorded stays unless `replacing`.
    static func record(_ name: String, _ value: String, service: String, replacing: Bool, in db: any SQLDatabase) async throws {
        try await db.nativeExecute("""
            INSERT INTO jcs_settings (service, name, value) VALUES (?, ?, ?)
            ON CONFLICT (service, name) DO \(replacing ? "UPDATE SET value = excluded.value" : "NOTHING")
            """, [.text(service), .text(name), .text(value)])
    }
}
