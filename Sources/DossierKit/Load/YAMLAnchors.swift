/// Finds YAML anchors (`&name`) before the text reaches Yams. Yams composes an alias as a
/// shared copy of its anchor's node, which is cheap, but it hashes every mapping key to find
/// duplicates, and a key that is an alias of nested aliases (the "billion laughs") is hashed
/// over its whole expansion: measured (debug build) 1.5 s for seven levels of nine aliases
/// in 391 bytes, ninefold more per level, so minutes for a file of a few hundred bytes.
/// Content has no use for anchors, and without one no alias resolves, so anchors are refused.
///
/// A scan of the characters that knows YAML's quoting, comments, flow collections and block
/// scalars: `&` counts only where a node may start (after indentation, `- `, `? `, `: `,
/// `[`, `{`, `,`, or a tag), never inside quoted or plain text (`title: R&D, A &B` is text).
/// A line that continues a plain scalar and starts with `&name` is taken for an anchor;
/// quoting the value avoids it.
enum YAMLAnchors {
    static func firstAnchorLine(in text: String) -> Int? {
        // Most files have no `&` at all.
        guard text.utf8.contains(UInt8(ascii: "&")) else { return nil }
        var quote: UInt8?               // open quoted scalar, which may span lines
        var blockIndent: Int?           // inside a literal or folded block scalar deeper than this
        var flowDepth = 0
        for (number, line) in text.utf8.split(separator: 10, omittingEmptySubsequences: false).enumerated() {
            let bytes = Array(line)
            let indent = bytes.prefix { $0 == 32 }.count
            if let parent = blockIndent {
                if indent == bytes.count || indent > parent { continue }
                blockIndent = nil
            }
            var index = quote == nil ? indent : 0
            var nodeStart = quote == nil
            while index < bytes.count {
                let byte = bytes[index]
                let next: UInt8? = index + 1 < bytes.count ? bytes[index + 1] : nil
                let followedBySpace = next == nil || next == 32 || next == 9
                if let open = quote {
                    if open == UInt8(ascii: "\"") && byte == UInt8(ascii: "\\") { index += 2; continue }
                    if byte == open {
                        if open == UInt8(ascii: "'") && next == open { index += 2; continue }
                        quote = nil
                    }
                    index += 1
                    continue
                }
                switch byte {
                case 32, 9:
                    break
                case UInt8(ascii: "#") where index == 0 || bytes[index - 1] == 32 || bytes[index - 1] == 9:
                    index = bytes.count
                    continue
                case UInt8(ascii: "&") where nodeStart:
                    if let next, isAnchorCharacter(next) { return number + 1 }
                    nodeStart = false
                case UInt8(ascii: "\""), UInt8(ascii: "'"):
                    if nodeStart { quote = byte }
                    nodeStart = false
                case UInt8(ascii: "|"), UInt8(ascii: ">"):
                    if nodeStart {
                        blockIndent = indent
                        index = bytes.count
                        continue
                    }
                case UInt8(ascii: "!"):
                    // A tag is a node property like an anchor: a node may still start after it.
                    if nodeStart {
                        while index < bytes.count && bytes[index] != 32 { index += 1 }
                        continue
                    }
                case UInt8(ascii: "-"), UInt8(ascii: "?"):
                    if nodeStart && followedBySpace { break }
                    nodeStart = false
                case UInt8(ascii: ":"):
                    if followedBySpace || (flowDepth > 0 && next == UInt8(ascii: ",")) { nodeStart = true }
                case UInt8(ascii: "["), UInt8(ascii: "{"):
                    if nodeStart || flowDepth > 0 { flowDepth += 1; nodeStart = true }
                case UInt8(ascii: "]"), UInt8(ascii: "}"):
                    if flowDepth > 0 { flowDepth -= 1 }
                case UInt8(ascii: ","):
                    if flowDepth > 0 { nodeStart = true }
                default:
                    nodeStart = false
                }
                index += 1
            }
        }
        return nil
    }

    /// Characters libyaml accepts in an anchor's name.
    static func isAnchorCharacter(_ byte: UInt8) -> Bool {
        (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte) || byte == 45 || byte == 95 || byte >= 0x80
    }
}
