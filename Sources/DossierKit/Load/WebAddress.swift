/// Addresses content may give (an article's `url`, the site's `base_url`): absolute
/// `http:` or `https:` with a host, and none of the characters a URL may not hold (white
/// space, controls, `"<>\^`{|}`: percent-encode them). Anything else (`javascript:`,
/// `data:`, a relative path) would become a live link on a page, or an invalid one.
enum WebAddress {
    static func isValid(_ text: String) -> Bool {
        let lowered = text.lowercased()
        let rest: Substring
        if lowered.hasPrefix("https://") { rest = text.dropFirst(8) }
        else if lowered.hasPrefix("http://") { rest = text.dropFirst(7) }
        else { return false }
        let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard !host.isEmpty, !host.hasPrefix("@") else { return false }
        return !text.unicodeScalars.contains {
            $0.value <= 0x20 || (0x7F...0x9F).contains($0.value) || $0.properties.isWhitespace || "\"<>\\^`{|}".unicodeScalars.contains($0)
        }
    }
}
