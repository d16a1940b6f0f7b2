/// Eight bytes at a time: whether a word of UTF-8 holds a byte that a writer must look at
/// (a quote, a control, ...). Text that holds none, which is nearly all of a Hindi
/// sentence, is then passed over a word at a time instead of a byte at a time.
enum ByteWords {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highs: UInt64 = 0x8080_8080_8080_8080

    /// The eight bytes at `index` of `base` (which must have them), in memory order.
    @inline(__always)
    static func word(_ base: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt64 {
        UnsafeRawPointer(base.baseAddress! + index).loadUnaligned(as: UInt64.self)
    }

    /// Whether some byte of `word` is `byte`.
    @inline(__always)
    static func contains(_ word: UInt64, _ byte: UInt8) -> Bool {
        let x = word ^ (ones &* UInt64(byte))
        return (x &- ones) & ~x & highs != 0
    }

    /// Whether some byte of `word` is below `bound` (at most 128).
    @inline(__always)
    static func containsBelow(_ word: UInt64, _ bound: UInt8) -> Bool {
        (word &- ones &* UInt64(bound)) & ~word & highs != 0
    }
}
