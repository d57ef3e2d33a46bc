import CLibcrypto
import Crypto
import Foundation

/// The blind-index key as HMAC-SHA256 state with both pads absorbed, on the system's libcrypto
/// (`CLibcrypto`): an index costs two SHA-256 blocks and one allocation, its result.
///
/// swift-crypto's `HMAC<SHA256>` copies its boxed hasher on every use and hashes the outer pad
/// again in `finalize`, three blocks and several allocations; a bulk import indexes two fields
/// a row, and that was 16 % of the store's bulk-insert profile (BENCHMARKS.md, note 8).
/// `Tests/StoreTests/PersonalDataTests.swift` checks the result equals swift-crypto's HMAC.
final class BlindIndexKey: @unchecked Sendable {
    /// Written once in `init`, then only read (each index copies it into a local context), so
    /// concurrent callers share it safely.
    private let state: UnsafeMutablePointer<jcskills_hmac_sha256_key>

    init(_ key: SymmetricKey) {
        state = .allocate(capacity: 1)
        state.initialize(to: jcskills_hmac_sha256_key())
        let keyed = key.withUnsafeBytes { key in
            jcskills_hmac_sha256_key_init(state, key.bindMemory(to: UInt8.self).baseAddress, key.count)
        }
        // SymmetricKey's 256 bits are within SHA-256's 64-byte block.
        precondition(keyed == 1, "an index key longer than 64 bytes")
    }

    deinit {
        OPENSSL_cleanse(state, MemoryLayout<jcskills_hmac_sha256_key>.size)
        state.deallocate()
    }

    /// HMAC-SHA256 of `prefix` followed by `value`: 32 bytes.
    func authenticationCode(prefix: [UInt8], value: String) -> Data {
        var value = value
        return value.withUTF8 { value in
            prefix.withUnsafeBufferPointer { prefix in
                var mac = Data(count: 32)
                mac.withUnsafeMutableBytes { mac in
                    jcskills_hmac_sha256(state, prefix.baseAddress, prefix.count, value.baseAddress, value.count,
                                         mac.bindMemory(to: UInt8.self).baseAddress)
                }
                return mac
            }
        }
    }
}
