import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Random AES-GCM nonces, drawn from the operating system's CSPRNG in 4 KiB chunks.
///
/// `AES.GCM.Nonce()` asks the kernel for 12 bytes on every call; bulk imports seal three
/// fields per row, and those system calls were a visible share of import time. Buffering
/// kernel randomness in memory is what every userspace CSPRNG does; each byte is used once.
enum NonceSource {
    private static let chunkSize = 4096
    private static let pool = Mutex((bytes: [UInt8](repeating: 0, count: chunkSize), used: chunkSize))

    /// 12 fresh random bytes.
    static func next() -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: 12) { buffer, count in
            fill(UnsafeMutableRawBufferPointer(buffer))
            count = 12
        }
    }

    /// Fills `buffer` (at most one chunk) with fresh random bytes from the pool.
    static func fill(_ buffer: UnsafeMutableRawBufferPointer) {
        precondition(buffer.count <= chunkSize, "more than one chunk of nonce bytes")
        pool.withLock { pool in
            if pool.used + buffer.count > pool.bytes.count {
                pool.bytes.withUnsafeMutableBytes { readRandom(into: $0) }
                pool.used = 0
            }
            pool.bytes.withUnsafeBytes { bytes in
                buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[pool.used..<(pool.used + buffer.count)]))
            }
            pool.used += buffer.count
        }
    }

    private static func readRandom(into buffer: UnsafeMutableRawBufferPointer) {
        #if canImport(Darwin)
        arc4random_buf(buffer.baseAddress!, buffer.count)
        #else
        // The kernel's CSPRNG through /dev/urandom (never blocks once the system has booted):
        // one read per 4 KiB. Swift's overlay does not expose getrandom(2).
        var filled = 0
        if urandom >= 0 {
            while filled < buffer.count {
                let result = read(urandom, buffer.baseAddress! + filled, buffer.count - filled)
                if result > 0 {
                    filled += result
                } else if result == 0 || errno != EINTR {
                    break
                }
            }
        }
        if filled < buffer.count {
            // No /dev/urandom (a bare chroot): the standard library's generator, byte by byte.
            var generator = SystemRandomNumberGenerator()
            for index in filled..<buffer.count { buffer[index] = generator.next() }
        }
        #endif
    }

    #if !canImport(Darwin)
    /// Opened once and kept: the descriptor is only ever read from.
    private static let urandom: Int32 = open("/dev/urandom", O_RDONLY | O_CLOEXEC)
    #endif
}
