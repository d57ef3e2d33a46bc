import Crypto
import Foundation
import JCSkillsProtocol
@testable import JCSkillsStore
import Testing

@Suite
struct PersonalDataTests {
    let personal = PersonalData(keys: .generate())

    @Test
    func sealedValuesOpenAgainAndNeverRepeat() throws {
        let first = personal.seal("140524199001011234", as: .idNumber)
        let second = personal.seal("140524199001011234", as: .idNumber)
        #expect(first != second)
        #expect(try personal.open(first, as: .idNumber) == "140524199001011234")
        #expect(first.count == 33 + 18)
        #expect(first.range(of: Data("140524".utf8)) == nil)
    }

    @Test
    func theSharedContextAndSwiftCryptoAgreeOnTheFormat() throws {
        // Sealing and opening reuse keyed AES-GCM contexts of the system's libcrypto
        // (SealingContext); swift-crypto's AES.GCM must read what they write and the other way
        // round, for every length. Without the contexts sealing would silently take the slower
        // path: fail instead.
        #expect(personal.keys.currentContext != nil)
        let key = try #require(personal.keys.sealingKeys[personal.keys.currentKeyID])
        let aad = Data("jcskills/sealed/v1/name".utf8)
        for value in ["", "1", "张", String(repeating: "王秀英·", count: 300)] {
            let sealed = personal.seal(bytes: Data(value.utf8), as: .name)
            #expect(sealed.count == 33 + value.utf8.count)
            #expect(try personal.open(bytes: sealed, as: .name) == Data(value.utf8))
            let box = try AES.GCM.SealedBox(combined: sealed.dropFirst(5))
            #expect(try AES.GCM.open(box, using: key, authenticating: aad) == Data(value.utf8))

            let theirs = try AES.GCM.seal(Data(value.utf8), using: key, authenticating: aad)
            let stored = Data(sealed.prefix(5)) + theirs.combined!
            #expect(try personal.open(bytes: stored, as: .name) == Data(value.utf8))
        }
        let sealed = personal.seal("Zoe\u{0308} 王", as: .name)
        #expect(try personal.open(sealed, as: .name) == "Zo\u{00EB} 王")
        #expect(personal.blindIndex("Zoe\u{0308}", for: .name) == personal.blindIndex("Zo\u{00EB}", for: .name))
    }

    /// The blind index runs HMAC-SHA256 on libcrypto's plain SHA-256 with the pads absorbed
    /// once (BlindIndexKey); it must equal swift-crypto's HMAC over `jcskills/index/v1/<field
    /// name>`, a zero byte and the normalised value, or every stored index would stop matching.
    @Test
    func blindIndexesAreTheDocumentedHMAC() {
        let keys = SealingKeys(indexKey: SymmetricKey(size: .bits256), sealingKeys: [1: SymmetricKey(size: .bits256)])
        let personal = PersonalData(keys: keys)
        let fields: [PersonalField] = [.idNumber, .name, .phone, .storedResponse]
        var generator = SystemRandomNumberGenerator()
        // Lengths either side of SHA-256's 64-byte block and its 55-byte padding limit.
        for length in [0, 1, 20, 30, 31, 32, 33, 55, 56, 63, 64, 65, 119, 120, 200] {
            let value = String((0..<length).map { _ in "0123456789AbcX王".randomElement(using: &generator)! })
            for field in fields {
                let message = Data("jcskills/index/v1/\(field.name)".utf8) + [0] + Data(field.normalize(value).utf8)
                let expected = Data(HMAC<SHA256>.authenticationCode(for: message, using: keys.indexKey))
                #expect(personal.blindIndex(value, for: field) == expected, "\(field) of \(length) characters")
            }
        }
    }

    /// Many tasks sealing and opening at once each get a context of their own from the pools.
    @Test
    func concurrentSealersNeverShareAContext() async throws {
        let personal = personal
        let results = try await withThrowingTaskGroup(of: Bool.self) { group in
            for task in 0..<8 {
                group.addTask {
                    for n in 0..<500 {
                        let value = "王秀英\(task)-\(n)" + String(repeating: "·", count: n % 40)
                        guard try personal.open(personal.seal(value, as: .name), as: .name) == value else { return false }
                    }
                    return true
                }
            }
            return try await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(results == Array(repeating: true, count: 8))
    }

    @Test
    func valuesAreNormalisedBeforeSealingAndIndexing() throws {
        #expect(personal.blindIndex(" 14052419900101123x ", for: .idNumber)
            == personal.blindIndex("14052419900101123X", for: .idNumber))
        #expect(try personal.open(personal.seal("14052419900101123x", as: .idNumber), as: .idNumber) == "14052419900101123X")
        #expect(personal.blindIndex("138-1234 1234", for: .phone) == personal.blindIndex("13812341234", for: .phone))
    }

    @Test
    func aValueSealedForOneFieldDoesNotOpenAsAnother() {
        let sealed = personal.seal("张三", as: .name)
        #expect(throws: PersonalDataError.self) { try personal.open(sealed, as: .idNumber) }
        #expect(personal.blindIndex("张三", for: .name) != personal.blindIndex("张三", for: .custom("alias")))
    }

    @Test
    func tamperedOrForeignValuesAreRejected() {
        var sealed = personal.seal("13812341234", as: .phone)
        sealed[sealed.count - 1] ^= 1
        #expect(personalError { try personal.open(sealed, as: .phone) }?.kind == .sealedValueInvalid)
        let foreign = PersonalData(keys: .generate()).seal("13812341234", as: .phone)
        #expect(personalError { try personal.open(foreign, as: .phone) }?.kind == .sealedValueInvalid)
        #expect(personalError { try personal.open(Data([1, 2, 3]), as: .phone) }?.statusCode == .dataLoss)
    }

    @Test
    func rotationKeepsOldValuesReadableAndIndexesStable() throws {
        let before = personal
        let after = PersonalData(keys: before.keys.addingKey())
        let old = before.seal("欧阳娜娜", as: .name)
        #expect(try after.open(old, as: .name) == "欧阳娜娜")
        #expect(after.needsResealing(old))
        let resealed = try after.reseal(old, as: .name)
        #expect(!after.needsResealing(resealed))
        #expect(after.keys.currentKeyID == 2)
        #expect(after.blindIndex("欧阳娜娜", for: .name) == before.blindIndex("欧阳娜娜", for: .name))
        // The old key set cannot open what the new key sealed.
        #expect(personalError { try before.open(resealed, as: .name) }?.kind == .unknownKey)
    }

    @Test
    func keyFilesAreCreatedPrivateAndNeverOverwritten() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("jcskills-keys-\(UUID())")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("nested/personal-data.keys").path
        let created = try SealingKeys.create(at: path)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let loaded = try SealingKeys.load(from: path)
        #expect(loaded.fingerprint == created.fingerprint)
        let sealed = PersonalData(keys: created).seal("13812341234", as: .phone)
        #expect(try PersonalData(keys: loaded).open(sealed, as: .phone) == "13812341234")
        #expect(personalError { try SealingKeys.create(at: path) }?.kind == .keyFileExists)
        #expect(try SealingKeys.load(from: path).fingerprint == created.fingerprint)

        let rotated = try SealingKeys.rotate(at: path)
        #expect(rotated.keyIDs == [1, 2])
        let reloaded = try PersonalData(keyFile: path)
        #expect(reloaded.keys.currentKeyID == 2)
        #expect(try reloaded.open(sealed, as: .phone) == "13812341234")
        #expect(reloaded.keys.fingerprint == created.fingerprint)
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: (path as NSString).deletingLastPathComponent)
            == ["personal-data.keys"])
    }

    /// A retired key leaves the file as a `retired` line: the running service's reload accepts
    /// its absence, its id is never used again, and a value still under it says so.
    @Test
    func retiredKeysLeaveTheFileAndAreNeverReused() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("jcskills-keys-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let created = try SealingKeys.create(at: path)
        let running = PersonalData(keys: created)
        let underOne = running.seal("13812341234", as: .phone)
        try running.replaceKeys(with: try SealingKeys.rotate(at: path))

        #expect(personalError { _ = try running.keys.retiring([2]) }?.message.contains("current key") == true)
        #expect(personalError { _ = try running.keys.retiring([7]) }?.message.contains("no sealing key 7") == true)
        let retired = try running.keys.retiring([1])
        try retired.replaceFile(at: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("\nretired 1\n"))
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o600)
        let loaded = try SealingKeys.load(from: path)
        #expect(loaded.keyIDs == [2] && loaded.retiredKeyIDs == [1] && loaded.currentKeyID == 2)

        // A reload accepts the file that retires key 1; one that merely lacks it is refused.
        let lacking = SealingKeys(indexKey: created.indexKey, sealingKeys: [2: loaded.sealingKeys[2]!])
        let other = PersonalData(keys: running.keys)
        #expect(personalError { try other.replaceKeys(with: lacking) }?.message.contains("without retiring it") == true)
        try running.replaceKeys(with: loaded)
        #expect(personalError { _ = try running.open(underOne, as: .phone) }?.message.contains("retired") == true)

        #expect(try SealingKeys.rotate(at: path).keyIDs == [2, 3])
        #expect(try SealingKeys.load(from: path).retiredKeyIDs == [1])
    }

    @Test
    func keyFilesOthersCanReadAreRefused() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("jcskills-keys-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try SealingKeys.create(at: path)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        let error = personalError { _ = try SealingKeys.load(from: path) }
        #expect(error?.kind == .keyFilePermissions)
        #expect(error?.message.contains("chmod 600") == true)
        #expect(personalError { try SealingKeys.load(from: path + ".missing") }?.kind == .keyFileMissing)
    }

    @Test
    func malformedKeyFilesNameTheLine() {
        let good = SealingKeys.generate().fileContents()
        let cases = [
            "",
            "not-a-key-file\n",
            good.replacingOccurrences(of: "seal 1", with: "seal 0"),
            good + "seal 1 AAAA\n",
            good.replacingOccurrences(of: "index ", with: "index AAAA"),
            good + "mystery 1\n",
            good + "retired 1\n",            // key 1 is also in the file
            good + "retired 2\n",            // newer than every key
            good + "retired\n",
        ]
        for text in cases {
            #expect(personalError { try SealingKeys(fileContents: text) }?.kind == .keyFileMalformed)
        }
        #expect(throws: Never.self) { try SealingKeys(fileContents: good) }
        #expect(throws: Never.self) { try SealingKeys(fileContents: SealingKeys.generate().addingKey().retiring([1]).fileContents()) }
    }
}

@Suite
struct MaskingTests {
    @Test(arguments: [
        ("14052419900101123X", "140524********123X"),
        ("140524900101123", "140524*****1123"),
        ("1405241990", "**********"),
        ("", ""),
    ])
    func idNumbers(value: String, masked: String) {
        #expect(Masking.idNumber(value) == masked)
    }

    @Test(arguments: [
        ("张三", "张*"), ("王小明", "王**"), ("欧阳娜娜", "欧阳**"), ("司马光", "司马*"), ("欧阳", "欧*"),
        ("李", "*"), ("John Smith", "J*********"), ("", ""),
    ])
    func names(value: String, masked: String) {
        #expect(Masking.name(value) == masked)
    }

    @Test(arguments: [("13812341234", "138****1234"), ("0354-1234567", "035*****4567"), ("1234567", "*******")])
    func phones(value: String, masked: String) {
        #expect(Masking.phone(value) == masked)
    }
}

/// The `PersonalDataError` `body` throws, or `nil` when it throws nothing (or something else).
private func personalError<T>(_ body: () throws -> T) -> PersonalDataError? {
    do {
        _ = try body()
        return nil
    } catch {
        return error as? PersonalDataError
    }
}
