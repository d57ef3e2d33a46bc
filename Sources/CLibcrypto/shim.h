// The system's OpenSSL libcrypto (Debian/Ubuntu: libssl-dev), for the store's AES-256-GCM with
// one key schedule per key (Sources/Store/PersonalData/SealingContext.swift) and its blind
// indexes (Sources/Store/PersonalData/BlindIndexKey.swift). Its symbols are unprefixed, so they
// never meet the prefixed copies of BoringSSL in swift-crypto and swift-nio-ssl.
#ifndef JCSKILLS_CLIBCRYPTO_SHIM_H
#define JCSKILLS_CLIBCRYPTO_SHIM_H

// SHA256_Init/Update/Final are deprecated in OpenSSL 3 in favour of EVP, but every 3.x build
// exports them: EVP's digests go through the provider layer (a name look-up by strcmp per call),
// which is most of the cost of hashing 40 bytes. A plain SHA256_CTX can also be copied, which is
// what keeps HMAC's keyed state from being recomputed for every index.
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/evp.h>
#include <openssl/sha.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

// The AEAD tag controls, as constants Swift imports whatever the header's macro chains.
static const int jcskills_evp_ctrl_aead_get_tag = EVP_CTRL_AEAD_GET_TAG;
static const int jcskills_evp_ctrl_aead_set_tag = EVP_CTRL_AEAD_SET_TAG;

/// HMAC-SHA256 with the key's inner and outer pads absorbed once (RFC 2104).
typedef struct {
    SHA256_CTX inner;
    SHA256_CTX outer;
} jcskills_hmac_sha256_key;

/// Keys `state` with `key` (at most 64 bytes, SHA-256's block; the store's keys are 32).
/// Returns 0 for a longer key, 1 otherwise.
static inline int jcskills_hmac_sha256_key_init(jcskills_hmac_sha256_key *state, const uint8_t *key, size_t length) {
    if (length > SHA256_CBLOCK) return 0;
    uint8_t pad[SHA256_CBLOCK];
    memset(pad, 0, sizeof pad);
    memcpy(pad, key, length);
    for (size_t i = 0; i < sizeof pad; i++) pad[i] ^= 0x36;
    SHA256_Init(&state->inner);
    SHA256_Update(&state->inner, pad, sizeof pad);
    for (size_t i = 0; i < sizeof pad; i++) pad[i] ^= 0x36 ^ 0x5c;
    SHA256_Init(&state->outer);
    SHA256_Update(&state->outer, pad, sizeof pad);
    OPENSSL_cleanse(pad, sizeof pad);
    return 1;
}

/// HMAC-SHA256 of `first` followed by `second` into `mac` (32 bytes).
static inline void jcskills_hmac_sha256(const jcskills_hmac_sha256_key *state,
                                        const uint8_t *first, size_t firstLength,
                                        const uint8_t *second, size_t secondLength,
                                        uint8_t *mac) {
    SHA256_CTX context = state->inner;
    SHA256_Update(&context, first, firstLength);
    SHA256_Update(&context, second, secondLength);
    uint8_t innerHash[SHA256_DIGEST_LENGTH];
    SHA256_Final(innerHash, &context);
    context = state->outer;
    SHA256_Update(&context, innerHash, sizeof innerHash);
    SHA256_Final(mac, &context);
    OPENSSL_cleanse(&context, sizeof context);
}

#endif
