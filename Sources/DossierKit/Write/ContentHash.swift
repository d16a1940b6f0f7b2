/// XXH64 of a file's bytes, fed piece by piece: how a rebuild tells an output file is
/// unchanged without reading the old one (several GB/s, on every core).
struct ContentHash: Sendable {
    private static let p1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let p2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private static let p3: UInt64 = 0x1656_67B1_9E37_79F9
    private static let p4: UInt64 = 0x85EB_CA77_C2B2_AE63
    private static let p5: UInt64 = 0x27D4_EB2F_1656_67C5

    private var v1: UInt64 = p1 &+ p2
    private var v2: UInt64 = p2
    private var v3: UInt64 = 0
    private var v4: UInt64 = 0 &- p1
    private var total = 0
    /// Bytes not yet in a 32-byte stripe.
    private var tail: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    private var tailCount = 0

    init() {}

    mutating func add(_ bytes: UnsafeRawBufferPointer) {
        guard var next = bytes.baseAddress else { return }
        var left = bytes.count
        total += left
        if tailCount > 0 {
            let take = min(32 - tailCount, left)
            withUnsafeMutableBytes(of: &tail) { ($0.baseAddress! + tailCount).copyMemory(from: next, byteCount: take) }
            tailCount += take
            next += take
            left -= take
            guard tailCount == 32 else { return }
            var full = tail
            withUnsafeBytes(of: &full) { stripe($0.baseAddress!) }
            tailCount = 0
        }
        while left >= 32 {
            stripe(next)
            next += 32
            left -= 32
        }
        if left > 0 {
            withUnsafeMutableBytes(of: &tail) { $0.baseAddress!.copyMemory(from: next, byteCount: left) }
            tailCount = left
        }
    }

    mutating func add(_ text: String) {
        var copy = text
        copy.withUTF8 { add(UnsafeRawBufferPointer($0)) }
    }

    private mutating func stripe(_ bytes: UnsafeRawPointer) {
        v1 = Self.round(v1, UInt64(littleEndian: bytes.loadUnaligned(as: UInt64.self)))
        v2 = Self.round(v2, UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: 8, as: UInt64.self)))
        v3 = Self.round(v3, UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: 16, as: UInt64.self)))
        v4 = Self.round(v4, UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: 24, as: UInt64.self)))
    }

    private static func round(_ accumulator: UInt64, _ input: UInt64) -> UInt64 {
        rotate(accumulator &+ input &* p2, 31) &* p1
    }

    private static func merge(_ hash: UInt64, _ lane: UInt64) -> UInt64 {
        (hash ^ round(0, lane)) &* p1 &+ p4
    }

    private static func rotate(_ value: UInt64, _ bits: UInt64) -> UInt64 {
        (value << bits) | (value >> (64 - bits))
    }

    var value: UInt64 {
        var hash: UInt64
        if total >= 32 {
            hash = Self.rotate(v1, 1) &+ Self.rotate(v2, 7) &+ Self.rotate(v3, 12) &+ Self.rotate(v4, 18)
            hash = Self.merge(Self.merge(Self.merge(Self.merge(hash, v1), v2), v3), v4)
        } else {
            hash = Self.p5
        }
        hash &+= UInt64(total)
        var rest = tail
        let count = tailCount
        withUnsafeBytes(of: &rest) { raw in
            var offset = 0
            while offset + 8 <= count {
                hash ^= Self.round(0, UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
                hash = Self.rotate(hash, 27) &* Self.p1 &+ Self.p4
                offset += 8
            }
            if offset + 4 <= count {
                hash ^= UInt64(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self))) &* Self.p1
                hash = Self.rotate(hash, 23) &* Self.p2 &+ Self.p3
                offset += 4
            }
            while offset < count {
                hash ^= UInt64(raw[offset]) &* Self.p5
                hash = Self.rotate(hash, 11) &* Self.p1
                offset += 1
            }
        }
        hash ^= hash >> 33
        hash &*= Self.p2
        hash ^= hash >> 29
        hash &*= Self.p3
        hash ^= hash >> 32
        return hash
    }
}
