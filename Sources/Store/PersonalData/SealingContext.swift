import CLibcrypto
import Crypto
import Foundation
import Synchronization

/// AES-256-GCM under one key, with the key schedule and GHASH table set up once per context and
/// the contexts reused, on the system's libcrypto (`CLibcrypto`).
///
/// `AES.GCM.seal` sets up a fresh context (key expansion, GHASH key) for every value and copies
/// the result through several `Data` values; a bulk import seals three fields a row, and with it
/// the store's bulk insert ran at 0.74–0.77× the rows/s of this path (BENCHMARKS.md). A context
/// serves one call at a time: each call takes one from the pool (or keys a new one) and gives it
/// back, so concurrent sealers never share one.
///
/// The format is swift-crypto's: nonce · ciphertext · tag, 12 and 16 bytes
/// (`Tests/StoreTests/PersonalDataTests.swift` checks both read each other).
final class SealingContext: @unchecked Sendable {
    static let tagLength = 16
    static let nonceLength = 12
    private let key: [UInt8]
    /// A libcrypto context, used by one call at a time (the pools hand each to one caller).
    private struct Context: @unchecked Sendable { let pointer: OpaquePointer }
    private let sealers = Mutex<[Context]>([])
    private let openers = Mutex<[Context]>([])

    init?(key: SymmetricKey) {
        guard key.bitCount == 256 else { return nil }
        self.key = key.withUnsafeBytes { Array($0) }
        // Fails here, once, rather than on every call if this libcrypto lacks the cipher.
        guard let probe = makeContext(encrypting: true) else { return nil }
        sealers.withLock { $0.append(Context(pointer: probe)) }
    }

    deinit {
        for context in sealers.withLock({ $0 }) + openers.withLock({ $0 }) { EVP_CIPHER_CTX_free(context.pointer) }
    }

    /// `header` · a fresh nonce · the ciphertext of `plaintext` · its tag, written straight into
    /// one buffer; `nil` if libcrypto refused, so the caller can take the ordinary path.
    func seal(_ plaintext: Data, after header: [UInt8], authenticating aad: Data) -> Data? {
        guard let context = take(encrypting: true) else { return nil }
        var output = Data(count: header.count + Self.nonceLength + plaintext.count + Self.tagLength)
        let sealed = output.withUnsafeMutableBytes { out in
            plaintext.withUnsafeBytes { input in
                aad.withUnsafeBytes { aad in
                    let out = out.bindMemory(to: UInt8.self).baseAddress!
                    header.withUnsafeBufferPointer { out.update(from: $0.baseAddress!, count: $0.count) }
                    let nonce = out + header.count
                    NonceSource.fill(UnsafeMutableRawBufferPointer(start: nonce, count: Self.nonceLength))
                    let ciphertext = nonce + Self.nonceLength
                    var length: Int32 = 0
                    var finalLength: Int32 = 0
                    return EVP_EncryptInit_ex(context, nil, nil, nil, nonce) == 1
                        && (aad.isEmpty || EVP_EncryptUpdate(context, nil, &length, aad.bindMemory(to: UInt8.self).baseAddress,
                                                             Int32(aad.count)) == 1)
                        && (input.isEmpty || (EVP_EncryptUpdate(context, ciphertext, &length, input.bindMemory(to: UInt8.self).baseAddress,
                                                                Int32(input.count)) == 1 && Int(length) == input.count))
                        && EVP_EncryptFinal_ex(context, ciphertext + input.count, &finalLength) == 1 && finalLength == 0
                        && EVP_CIPHER_CTX_ctrl(context, jcskills_evp_ctrl_aead_get_tag, Int32(Self.tagLength),
                                               ciphertext + input.count) == 1
                }
            }
        }
        give(context, encrypting: true, healthy: sealed)
        return sealed ? output : nil
    }

    /// The plaintext of `box` (nonce · ciphertext · tag), or `nil` when it does not
    /// authenticate; the caller then takes the ordinary path, which names the failure.
    func open(_ box: Data, authenticating aad: Data) -> Data? {
        guard box.count >= Self.nonceLength + Self.tagLength, let context = take(encrypting: false) else { return nil }
        let ciphertextLength = box.count - Self.nonceLength - Self.tagLength
        // A byte more than the plaintext: libcrypto's final step needs somewhere to (not) write,
        // even for an empty value.
        var output = Data(count: ciphertextLength + 1)
        let opened = output.withUnsafeMutableBytes { out in
            box.withUnsafeBytes { box in
                aad.withUnsafeBytes { aad in
                    let bytes = box.bindMemory(to: UInt8.self).baseAddress!
                    var tag = Array(UnsafeBufferPointer(start: bytes + Self.nonceLength + ciphertextLength, count: Self.tagLength))
                    let out = out.bindMemory(to: UInt8.self).baseAddress!
                    var length: Int32 = 0
                    var finalLength: Int32 = 0
                    return EVP_DecryptInit_ex(context, nil, nil, nil, bytes) == 1
                        && (aad.isEmpty || EVP_DecryptUpdate(context, nil, &length, aad.bindMemory(to: UInt8.self).baseAddress,
                                                             Int32(aad.count)) == 1)
                        && (ciphertextLength == 0 || (EVP_DecryptUpdate(context, out, &length, bytes + Self.nonceLength,
                                                                        Int32(ciphertextLength)) == 1 && Int(length) == ciphertextLength))
                        && EVP_CIPHER_CTX_ctrl(context, jcskills_evp_ctrl_aead_set_tag, Int32(Self.tagLength), &tag) == 1
                        // The tag is checked here; nothing is written for GCM.
                        && EVP_DecryptFinal_ex(context, out + ciphertextLength, &finalLength) == 1
                }
            }
        }
        give(context, encrypting: false, healthy: true)
        guard opened else { return nil }
        output.count = ciphertextLength
        return output
    }

    private func take(encrypting: Bool) -> OpaquePointer? {
        let pooled = encrypting ? sealers.withLock { $0.popLast() } : openers.withLock { $0.popLast() }
        return pooled?.pointer ?? makeContext(encrypting: encrypting)
    }

    /// Returns `context` to the pool; one a call failed on in an unknown way is freed instead.
    private func give(_ context: OpaquePointer, encrypting: Bool, healthy: Bool) {
        guard healthy else {
            EVP_CIPHER_CTX_free(context)
            return
        }
        let pooled = Context(pointer: context)
        if encrypting {
            sealers.withLock { $0.append(pooled) }
        } else {
            openers.withLock { $0.append(pooled) }
        }
    }

    /// A context keyed for AES-256-GCM with a 12-byte nonce (GCM's default length); each call
    /// sets only its nonce, keeping the key schedule.
    private func makeContext(encrypting: Bool) -> OpaquePointer? {
        guard let context = EVP_CIPHER_CTX_new() else { return nil }
        let keyed = key.withUnsafeBufferPointer { key in
            encrypting
                ? EVP_EncryptInit_ex(context, EVP_aes_256_gcm(), nil, key.baseAddress, nil) == 1
                : EVP_DecryptInit_ex(context, EVP_aes_256_gcm(), nil, key.baseAddress, nil) == 1
        }
        guard keyed else {
            EVP_CIPHER_CTX_free(context)
            return nil
        }
        return context
    }
}
