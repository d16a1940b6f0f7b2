/// Whether a Unicode scalar belongs to a word. Aliases match only as whole words:
/// the scalars on either side of a match must not be word scalars, so `रूस` is not
/// found in `रूसी` (a vowel sign follows) nor a name before a virama or nukta.
enum WordBoundary {
    static func isWordScalar(_ value: UInt32) -> Bool {
        if value < 0x80 {
            // ASCII letters and digits.
            return (value >= 48 && value <= 57) || (value >= 65 && value <= 90) || (value >= 97 && value <= 122)
        }
        if value >= 0x900 && value <= 0x97F {
            // Devanagari: everything but the dandas (U+0964, U+0965) and the abbreviation sign (U+0970).
            return value != 0x964 && value != 0x965 && value != 0x970
        }
        // Joiners glue scalars into one word (a ZWJ inside a name must not split it).
        if value == 0x200C || value == 0x200D { return true }
        guard let scalar = Unicode.Scalar(value) else { return false }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    /// Decodes the scalar starting at `index` of UTF-8 `bytes`: (value, length).
    @inline(__always)
    static func scalar(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (UInt32, Int) {
        let first = UInt32(bytes[index])
        if first < 0x80 { return (first, 1) }
        let length = first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : 2
        guard index + length <= bytes.count else { return (0xFFFD, 1) }
        var value = first & (length == 4 ? 0x07 : length == 3 ? 0x0F : 0x1F)
        for offset in 1..<length { value = (value << 6) | (UInt32(bytes[index + offset]) & 0x3F) }
        return (value, length)
    }

    /// The scalar ending just before `index`.
    @inline(__always)
    static func scalar(before index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> UInt32? {
        guard index > 0 else { return nil }
        var start = index - 1
        while start > 0 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return scalar(at: start, in: bytes).0
    }

    static func isWordBoundary(before index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let previous = scalar(before: index, in: bytes) else { return true }
        return !isWordScalar(previous)
    }

    static func isWordBoundary(after index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard index < bytes.count else { return true }
        return !isWordScalar(scalar(at: index, in: bytes).0)
    }
}
