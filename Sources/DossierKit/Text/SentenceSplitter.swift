/// Splits a block's text into sentences. Hindi ends sentences with the danda `।`
/// (some pages type `|` for it) as well as `.`, `?` and `!`; a terminator ends a sentence
/// only when followed by white space or the end (so `10.5` and `U.S.A` stay whole),
/// and closing quotes and brackets after it stay with its sentence.
enum SentenceSplitter {
    /// Byte ranges of the sentences of UTF-8 `bytes`, trimmed of white space.
    static func sentenceRanges(in bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        var index = 0
        let count = bytes.count
        while index < count {
            let (value, length) = WordBoundary.scalar(at: index, in: bytes)
            var end = index + length
            if isTerminator(value) {
                // Absorb repeated terminators and closing quotes/brackets.
                while end < count {
                    let (next, nextLength) = WordBoundary.scalar(at: end, in: bytes)
                    guard isTerminator(next) || isCloser(next) else { break }
                    end += nextLength
                }
                if end >= count || isSpace(WordBoundary.scalar(at: end, in: bytes).0) {
                    append(start..<end, to: &ranges, in: bytes)
                    start = end
                }
            }
            index = end
        }
        append(start..<count, to: &ranges, in: bytes)
        return ranges
    }

    static func sentences(in text: String) -> [String] {
        var copy = text
        return copy.withUTF8 { bytes in
            sentenceRanges(in: bytes).map { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self) }
        }
    }

    private static func append(_ range: Range<Int>, to ranges: inout [Range<Int>], in bytes: UnsafeBufferPointer<UInt8>) {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper && isSpaceByte(bytes[lower]) { lower += 1 }
        while upper > lower && isSpaceByte(bytes[upper - 1]) { upper -= 1 }
        if lower < upper { ranges.append(lower..<upper) }
    }

    @inline(__always) static func isTerminator(_ value: UInt32) -> Bool {
        value == 0x964 || value == 0x965 || value == 46 || value == 63 || value == 33 || value == 124
    }

    @inline(__always) static func isCloser(_ value: UInt32) -> Bool {
        value == 34 || value == 39 || value == 41 || value == 93 || value == 0x201D || value == 0x2019
    }

    @inline(__always) static func isSpace(_ value: UInt32) -> Bool {
        value == 32 || value == 10 || value == 9 || value == 0xA0 || value == 13
    }

    @inline(__always) static func isSpaceByte(_ byte: UInt8) -> Bool { byte == 32 || byte == 10 || byte == 9 || byte == 13 }
}
