/// Minimal JSON text building, so data files keep DESIGN.md's field order and stream in chunks.
/// `<`, `>` and `&` are written as `\u003c`, `\u003e`, `\u0026`: the same value to a JSON
/// reader, but no markup for anything that sniffs a file's type or pastes it into a page.
enum JSON {
    static func quote(_ text: String) -> String {
        // Most text needs no escaping: copy it whole.
        let plain = text.utf8.withContiguousStorageIfAvailable { bytes in
            !bytes.contains { $0 < 32 || $0 == 34 || $0 == 92 || $0 == 0xE2 || $0 == 60 || $0 == 62 || $0 == 38 }
        } ?? false
        if plain { return "\"" + text + "\"" }
        var bytes: [UInt8] = [34]
        bytes.reserveCapacity(text.utf8.count + 8)
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case 34: bytes += [92, 34]
            case 92: bytes += [92, 92]
            case 10: bytes += [92, 110]
            case 13: bytes += [92, 114]
            case 9: bytes += [92, 116]
            case 60: bytes += Array("\\u003c".utf8)
            case 62: bytes += Array("\\u003e".utf8)
            case 38: bytes += Array("\\u0026".utf8)
            case 0..<32:
                let hex = Array("0123456789abcdef".utf8)
                bytes += [92, 117, 48, 48, hex[Int(byte >> 4)], hex[Int(byte & 15)]]
            case 0xE2:
                // U+2028/2029 (E2 80 A8/A9) are valid JSON but end JavaScript string literals.
                let second = iterator.next(), third = iterator.next()
                if second == 0x80, let third, third == 0xA8 || third == 0xA9 {
                    bytes += Array("\\u202".utf8) + [third == 0xA8 ? 56 : 57]
                } else {
                    bytes.append(byte)
                    if let second { bytes.append(second) }
                    if let third { bytes.append(third) }
                }
            default: bytes.append(byte)
            }
        }
        bytes.append(34)
        return String(decoding: bytes, as: UTF8.self)
    }

    static func quote(_ text: String?) -> String { text.map { quote($0) } ?? "null" }

    static func array(_ items: [String]) -> String { "[" + items.map { quote($0) }.joined(separator: ", ") + "]" }

    /// `{"a": 1, "b": "x"}` from already-encoded values, in the order given.
    static func object(_ fields: [(String, String)]) -> String {
        "{" + fields.map { quote($0.0) + ": " + $0.1 }.joined(separator: ", ") + "}"
    }
}
