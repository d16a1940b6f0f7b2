/// Escaping for HTML text and attribute values (also right for XML).
public enum HTML {
    public static func escape(_ text: String) -> String {
        guard text.utf8.withContiguousStorageIfAvailable({ bytes in
            bytes.contains { $0 == 38 || $0 == 60 || $0 == 62 || $0 == 34 || $0 == 39 }
        }) ?? true else { return text }
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

    public static func escape(_ bytes: ArraySlice<UInt8>) -> String {
        escape(String(decoding: bytes, as: UTF8.self))
    }

    /// Appends `bytes` (UTF-8) to `out`, escaped: runs that need no escaping are copied whole.
    static func appendEscaped(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, to out: inout [UInt8]) {
        let base = bytes.base
        var run = bytes.startIndex
        var index = run
        while index < bytes.endIndex {
            let byte = base[index]
            if byte > 62 || (byte != 38 && byte != 60 && byte != 62 && byte != 34 && byte != 39) {
                index += 1
                continue
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: base[run..<index]))
            switch byte {
            case 38: out += [38, 97, 109, 112, 59]
            case 60: out += [38, 108, 116, 59]
            case 62: out += [38, 103, 116, 59]
            case 34: out += [38, 113, 117, 111, 116, 59]
            default: out += [38, 35, 51, 57, 59]
            }
            index += 1
            run = index
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: base[run..<index]))
    }
}
