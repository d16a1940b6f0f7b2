/// Minimal JSON text building, so data files keep shared/DESIGN.md's field order and stream in chunks.
/// `<`, `>` and `&` are written as `\u003c`, `\u003e`, `\u0026`: the same value to a JSON
/// reader, but no markup for anything that sniffs a file's type or pastes it into a page.
enum JSON {
    static func quote(_ text: String) -> String {
        // Most text needs no escaping: copy it whole.
        let plain = text.utf8.withContiguousStorageIfAvailable { !$0.contains(where: mayNeedEscaping) } ?? false
        if plain { return "\"" + text + "\"" }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 8)
        appendQuoted(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Bytes written otherwise than as themselves: controls, `"`, backslash, `<`, `>`, `&`, and
    /// E2, which may start U+2028 or U+2029.
    @inline(__always)
    static func mayNeedEscaping(_ byte: UInt8) -> Bool {
        byte < 32 || byte == 34 || byte == 92 || byte == 0xE2 || byte == 60 || byte == 62 || byte == 38
    }

    /// Whether some byte of `word` may need escaping.
    @inline(__always)
    static func mayNeedEscaping(_ word: UInt64) -> Bool {
        ByteWords.containsBelow(word, 32) || ByteWords.contains(word, 34) || ByteWords.contains(word, 92)
            || ByteWords.contains(word, 0xE2) || ByteWords.contains(word, 60) || ByteWords.contains(word, 62) || ByteWords.contains(word, 38)
    }

    static func appendQuoted<Sink: ByteSink>(_ text: String, to out: inout Sink) {
        var copy = text
        copy.withUTF8 { appendQuoted($0[...], to: &out) }
    }

    /// Appends UTF-8 `bytes` as a JSON string; runs that need no escaping are copied whole.
    static func appendQuoted<Sink: ByteSink>(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, to out: inout Sink) {
        out.put(34)
        let base = bytes.base
        var run = bytes.startIndex
        var index = run
        let end = bytes.endIndex
        while index < end {
            // Eight bytes at a time while none of them may need escaping.
            while index + 8 <= end, !mayNeedEscaping(ByteWords.word(base, at: index)) { index += 8 }
            guard index < end else { break }
            let byte = base[index]
            guard JSON.mayNeedEscaping(byte) else {
                index += 1
                continue
            }
            if byte == 0xE2 {
                // U+2028/2029 (E2 80 A8/A9) are valid JSON but end JavaScript string literals.
                guard index + 2 < end, base[index + 1] == 0x80, base[index + 2] == 0xA8 || base[index + 2] == 0xA9 else {
                    index += 1
                    continue
                }
                out.put(UnsafeBufferPointer(rebasing: base[run..<index]))
                out.put("\\u202")
                out.put(base[index + 2] == 0xA8 ? 56 : 57)
                index += 3
                run = index
                continue
            }
            out.put(UnsafeBufferPointer(rebasing: base[run..<index]))
            switch byte {
            case 34: out.put("\\\"")
            case 92: out.put("\\\\")
            case 10: out.put("\\n")
            case 13: out.put("\\r")
            case 9: out.put("\\t")
            case 60: out.put("\\u003c")
            case 62: out.put("\\u003e")
            case 38: out.put("\\u0026")
            default:
                out.put("\\u00")
                out.put(hexDigit(byte >> 4))
                out.put(hexDigit(byte & 15))
            }
            index += 1
            run = index
        }
        out.put(UnsafeBufferPointer(rebasing: base[run..<index]))
        out.put(34)
    }

    @inline(__always)
    private static func hexDigit(_ value: UInt8) -> UInt8 { value < 10 ? 48 + value : 87 + value }

    static func quote(_ text: String?) -> String { text.map { quote($0) } ?? "null" }

    static func array(_ items: [String]) -> String { "[" + items.map { quote($0) }.joined(separator: ", ") + "]" }

    /// `{"a": 1, "b": "x"}` from already-encoded values, in the order given.
    static func object(_ fields: [(String, String)]) -> String {
        "{" + fields.map { quote($0.0) + ": " + $0.1 }.joined(separator: ", ") + "}"
    }
}
