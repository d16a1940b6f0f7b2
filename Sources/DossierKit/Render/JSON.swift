import Foundation

/// Minimal JSON text building, so data files keep DESIGN.md's field order and stream in chunks.
enum JSON {
    static func quote(_ text: String) -> String {
        var bytes: [UInt8] = [34]
        bytes.reserveCapacity(text.utf8.count + 2)
        for byte in text.utf8 {
            switch byte {
            case 34: bytes += [92, 34]
            case 92: bytes += [92, 92]
            case 10: bytes += [92, 110]
            case 13: bytes += [92, 114]
            case 9: bytes += [92, 116]
            case 0..<32:
                let hex = Array("0123456789abcdef".utf8)
                bytes += [92, 117, 48, 48, hex[Int(byte >> 4)], hex[Int(byte & 15)]]
            default: bytes.append(byte)
            }
        }
        bytes.append(34)
        // U+2028/2029 are valid JSON but break JavaScript string literals; escape them too.
        var result = String(decoding: bytes, as: UTF8.self)
        if result.utf8.contains(0xE2) {
            result = result.replacingOccurrences(of: "\u{2028}", with: "\\u2028").replacingOccurrences(of: "\u{2029}", with: "\\u2029")
        }
        return result
    }

    static func quote(_ text: String?) -> String { text.map { quote($0) } ?? "null" }

    static func array(_ items: [String]) -> String { "[" + items.map { quote($0) }.joined(separator: ", ") + "]" }

    /// `{"a": 1, "b": "x"}` from already-encoded values, in the order given.
    static func object(_ fields: [(String, String)]) -> String {
        "{" + fields.map { quote($0.0) + ": " + $0.1 }.joined(separator: ", ") + "}"
    }
}
