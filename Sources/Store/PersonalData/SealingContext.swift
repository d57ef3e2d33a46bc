#if canImport(CCryptoBoringSSL)
// swift-crypto's own BoringSSL (a module of that package, linked into every binary with Crypto).
import CCryptoBoringSSL
import Crypto
import Foundation

/// AES-256-GCM with one key's schedule and GHASH table set up once for the process.
///
/// `AES.GCM.seal` initialises a fresh BoringSSL AEAD context (key expansion, GHASH key) for
/// every value and copies the result through several `Data` values; a bulk import seals three
/// fields a row, and sealing was the largest single cost of the store's bulk insert. BoringSSL's
/// context is documented as safe to seal with from several threads at once.
final class SealingContext: @unchecked Sendable {
    private let context: UnsafeMutablePointer<EVP_AEAD_CTX>
    static let tagLength = 16

    init?(key: SymmetricKey) {
        guard key.bitCount == 256 else { return nil }
        let context = key.withUnsafeBytes { bytes in
            CCryptoBoringSSL_EVP_AEAD_CTX_new(CCryptoBoringSSL_EVP_aead_aes_256_gcm(),
                                              bytes.bindMemory(to: UInt8.self).baseAddress, bytes.count, Self.tagLength)
        }
        guard let context else { return nil }
        self.context = context
    }

    deinit {
        CCryptoBoringSSL_EVP_AEAD_CTX_free(context)
    }

    /// Appends the ciphertext and tag of `plaintext` to `output`; `false` (with `output` as it
    /// was) if BoringSSL refused, so the caller can take the ordinary path.
    func seal(_ plaintext: Data, nonce: [UInt8], authenticating aad: Data, appendingTo output: inout Data) -> Bool {
        let start = output.count
        let length = plaintext.count + Self.tagLength
        output.count += length
        var written = 0
        let status = output.withUnsafeMutableBytes { out in
            plaintext.withUnsafeBytes { input in
                aad.withUnsafeBytes { aad in
                    nonce.withUnsafeBufferPointer { nonce in
                        CCryptoBoringSSL_EVP_AEAD_CTX_seal(
                            context, out.bindMemory(to: UInt8.self).baseAddress! + start, &written, length,
                            nonce.baseAddress, nonce.count,
                            input.bindMemory(to: UInt8.self).baseAddress, input.count,
                            aad.bindMemory(to: UInt8.self).baseAddress, aad.count)
                    }
                }
            }
        }
        guard status == 1, written == length else {
            output.count = start
            return false
        }
        return true
    }

    /// The plaintext of `box` (nonce · ciphertext · tag), or `nil` when it does not
    /// authenticate; the caller then takes the ordinary path, which names the failure.
    func open(_ box: Data, authenticating aad: Data, nonceLength: Int) -> Data? {
        guard box.count > nonceLength + Self.tagLength else { return nil }
        let sealedLength = box.count - nonceLength
        var output = Data(count: sealedLength - Self.tagLength)
        var written = 0
        let status = output.withUnsafeMutableBytes { out in
            box.withUnsafeBytes { box in
                aad.withUnsafeBytes { aad in
                    let bytes = box.bindMemory(to: UInt8.self).baseAddress!
                    return CCryptoBoringSSL_EVP_AEAD_CTX_open(
                        context, out.bindMemory(to: UInt8.self).baseAddress, &written, out.count,
                        bytes, nonceLength, bytes + nonceLength, sealedLength,
                        aad.bindMemory(to: UInt8.self).baseAddress, aad.count)
                }
            }
        }
        guard status == 1, written == output.count else { return nil }
        return output
    }
}
#endif
