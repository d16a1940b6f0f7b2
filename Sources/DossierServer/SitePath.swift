/// Turns a request's raw path into a path inside the site, or refuses it. Refused: any
/// `..` or `.` segment, backslashes, NUL and other control characters, and encoded
/// slashes, backslashes or NUL (`%2f`, `%5c`, `%00`), whatever their case or encoding.
/// Hidden: a segment that starts with a dot (`.git`, `.env`): such files are never served,
/// and answered as missing.
public enum SitePath {
    public enum Resolution: Equatable, Sendable {
        /// A file path relative to the site root (`people/x/index.html`).
        case file(String)
        /// The path names a folder without the final slash: redirect to this path.
        case redirect(String)
        case refused
        /// A hidden file or folder: answered as if it did not exist.
        case hidden
    }

    /// `rawPath` is the request target's path (before the query), still percent-encoded.
    /// `isFolder` tells whether a site-relative path is a folder of the site.
    public static func resolve(_ rawPath: String, isFolder: (String) -> Bool) -> Resolution {
        guard rawPath.hasPrefix("/") else { return .refused }
        let lowered = rawPath.lowercased()
        for forbidden in ["%2f", "%5c", "%00", "%25"] where lowered.contains(forbidden) { return .refused }
        guard let decoded = percentDecoded(rawPath) else { return .refused }
        if decoded.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || $0 == "\\" }) { return .refused }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        var parts: [Substring] = []
        for (position, segment) in segments.enumerated() {
            if segment == ".." || segment == "." { return .refused }
            // Empty segments are only allowed as the trailing slash.
            if segment.isEmpty {
                if position == segments.count - 1 { continue }
                return .refused
            }
            parts.append(segment)
        }
        if parts.contains(where: { $0.hasPrefix(".") }) { return .hidden }
        let path = parts.joined(separator: "/")
        if path.isEmpty || decoded.hasSuffix("/") {
            return .file(path.isEmpty ? "index.html" : path + "/index.html")
        }
        if isFolder(path) { return .redirect(rawPath + "/") }
        return .file(path)
    }

    /// Percent-decodes UTF-8; nil for a malformed escape or bytes that are not UTF-8.
    static func percentDecoded(_ text: String) -> String? {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%") {
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else { return nil }
                bytes.append(high << 4 | low)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 48...57: return byte - 48
        case 65...70: return byte - 55
        case 97...102: return byte - 87
        default: return nil
        }
    }
}
