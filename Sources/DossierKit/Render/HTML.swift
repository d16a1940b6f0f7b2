/// Escaping for HTML text and attribute values (also right for XML).
enum HTML {
    /// The bytes `escape` changes.
    @inline(__always)
    static func needsEscaping(_ byte: UInt8) -> Bool {
        byte == 38 || byte == 60 || byte == 62 || byte == 34 || byte == 39
    }

    static func escape(_ text: String) -> String {
        guard text.utf8.withContiguousStorageIfAvailable({ $0.contains(where: needsEscaping) }) ?? true else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case 38: out += [38, 97, 109, 112, 59]          // &amp;
            case 60: out += [38, 108, 116, 59]              // &lt;
            case 62: out += [38, 103, 116, 59]              // &gt;
            case 34: out += [38, 113, 117, 111, 116, 59]    // &quot;
            case 39: out += [38, 35, 51, 57, 59]            // &#39;
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
