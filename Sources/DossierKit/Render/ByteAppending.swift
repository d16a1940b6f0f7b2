/// Appending text to UTF-8 bytes without making Strings. Constant markup goes in as
/// `StaticString`: a shared `[UInt8]` constant would be retained and released on every
/// append, from every core at once.
extension Array where Element == UInt8 {
    @inline(__always)
    mutating func appendLiteral(_ text: StaticString) {
        text.withUTF8Buffer { append(contentsOf: $0) }
    }
}

/// Appends a non-negative integer's decimal digits to UTF-8 bytes, without making a String.
func appendDecimal(_ value: Int, to bytes: inout [UInt8]) {
    guard value >= 10 else {
        bytes.append(UInt8(48 + max(value, 0)))
        return
    }
    var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                 UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
        (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    var count = 0
    var rest = value
    withUnsafeMutableBytes(of: &digits) { buffer in
        while rest > 0 {
            buffer[19 - count] = UInt8(48 + rest % 10)
            rest /= 10
            count += 1
        }
        bytes.append(contentsOf: buffer[(20 - count)...])
    }
}
