/// Appending text to UTF-8 bytes without making Strings. Constant markup goes in as
/// `StaticString`: a shared `[UInt8]` constant would be retained and released on every
/// append, from every core at once.
extension Array where Element == UInt8 {
    @inline(__always)
    mutating func appendLiteral(_ text: StaticString) {
        text.withUTF8Buffer { append(contentsOf: $0) }
    }
}

/// Where rows of the data tables are written: bytes, or only how many (`ByteCount`), so that
/// a part can be measured by the same code that writes it, without copying anything.
protocol ByteSink {
    mutating func put(_ byte: UInt8)
    mutating func put(_ bytes: UnsafeBufferPointer<UInt8>)
}

extension ByteSink {
    @inline(__always)
    mutating func put(_ bytes: [UInt8]) { bytes.withUnsafeBufferPointer { put($0) } }

    @inline(__always)
    mutating func put(_ text: StaticString) { text.withUTF8Buffer { put($0) } }
    mutating func put(_ text: String) {
        var copy = text
        copy.withUTF8 { put($0) }
    }
}

extension Array: ByteSink where Element == UInt8 {
    @inline(__always)
    mutating func put(_ byte: UInt8) { append(byte) }

    @inline(__always)
    mutating func put(_ bytes: UnsafeBufferPointer<UInt8>) { append(contentsOf: bytes) }
}

/// Counts what would be written.
struct ByteCount: ByteSink {
    var count = 0

    @inline(__always)
    mutating func put(_ byte: UInt8) { count += 1 }

    @inline(__always)
    mutating func put(_ bytes: UnsafeBufferPointer<UInt8>) { count += bytes.count }
}

/// Appends a non-negative integer's decimal digits to UTF-8 bytes, without making a String.
func appendDecimal<Sink: ByteSink>(_ value: Int, to bytes: inout Sink) {
    guard value >= 10 else {
        bytes.put(UInt8(48 + max(value, 0)))
        return
    }
    var divisor = 1
    while divisor <= value / 10 { divisor *= 10 }
    var rest = value
    while divisor > 0 {
        bytes.put(UInt8(48 + rest / divisor))
        rest %= divisor
        divisor /= 10
    }
}
