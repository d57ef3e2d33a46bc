// The system's OpenSSL libcrypto (Debian/Ubuntu: libssl-dev), for the store's AES-256-GCM with
// one key schedule per key (Sources/Store/PersonalData/SealingContext.swift). Its symbols are
// unprefixed, so they never meet the prefixed copies of BoringSSL in swift-crypto and
// swift-nio-ssl.
#include <openssl/evp.h>

// The AEAD tag controls, as constants Swift imports whatever the header's macro chains.
static const int jcskills_evp_ctrl_aead_get_tag = EVP_CTRL_AEAD_GET_TAG;
static const int jcskills_evp_ctrl_aead_set_tag = EVP_CTRL_AEAD_SET_TAG;
