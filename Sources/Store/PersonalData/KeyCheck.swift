/// Catches the wrong key file at start-up.
///
/// A fresh key file on an existing database would be a quiet disaster: old rows would not
/// open, and new blind indexes would not match old ones, so the same person could be
/// registered twice. The first start with keys records the index key's fingerprint (which
/// reveals nothing about the key); every later start compares.
enum KeyCheck {
    static let setting = "index_key_fingerprint"

    static func verify(_ personal: PersonalData, service: String, backend: any StoreBackend) async throws {
        let fingerprint = personal.keys.fingerprint
        let recorded = try await backend.transaction(.write) { db -> String? in
            try await SettingsTable.record(setting, fingerprint, service: service, replacing: false, in: db)
            return try await SettingsTable.value(setting, service: service, in: db)
        }
        guard recorded == fingerprint else {
            throw StoreError(.invalidConfiguration,
                             "the personal-data key file (index key fingerprint \(fingerprint)) is not the one this "
                                 + "database was written with (fingerprint \(recorded ?? "none")): restore the right "
                                 + "key file; starting with this one would make sealed data unreadable and duplicate people")
        }
    }
}
