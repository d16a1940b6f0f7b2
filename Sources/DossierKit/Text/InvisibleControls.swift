/// Characters content may not carry into the site: C0 and C1 control characters (other
/// than tab and line breaks), DEL, Unicode noncharacters, and the bidirectional embeddings,
/// overrides and isolates (U+202A–202E, U+2066–2069). Controls make feeds invalid XML and
/// pages invalid HTML; a bidi override reorders what follows it on the reader's screen, so
/// a name or title could show other text than it holds. They are removed (with a warning
/// at their line), never escaped: none of them is visible text. Joiners (U+200C, U+200D,
/// needed in Devanagari) and the direction marks U+200E/200F are kept.
enum InvisibleControls {
    /// Lines reported per file; more are summed up in one last warning.
    static let reportedLines = 20

    /// `text` without those characters, and one warning per line that had some.
    /// `lineOffset` is added to line numbers (a body starts below its front matter).
    static func removing(from text: String, file: String, lineOffset: Int = 0) -> (String, [Diagnostic]) {
        guard containsAny(text) else { return (text, []) }
        var kept = String.UnicodeScalarView()
        var line = 1
        var found: [(line: Int, scalars: [Unicode.Scalar])] = []
        for scalar in text.unicodeScalars {
            if scalar == "\n" { line += 1 }
            guard isRemoved(scalar) else {
                kept.append(scalar)
                continue
            }
            if found.last?.line == line {
                if !found[found.count - 1].scalars.contains(scalar) { found[found.count - 1].scalars.append(scalar) }
            } else {
                found.append((line, [scalar]))
            }
        }
        var diagnostics = found.prefix(reportedLines).map { item in
            Diagnostic.warning(file, item.line + lineOffset, "removed invisible " + item.scalars.map(describe).joined(separator: ", "),
                               hint: "it is not text a reader can see; delete it")
        }
        if found.count > reportedLines {
            diagnostics.append(.warning(file, found[reportedLines].line + lineOffset,
                                        "removed invisible control characters on \(found.count - reportedLines) more lines",
                                        hint: "delete them"))
        }
        return (String(kept), diagnostics)
    }

    static func isRemoved(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        switch value {
        case 0x09, 0x0A, 0x0D: return false
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x202A...0x202E, 0x2066...0x2069: return true
        case 0xFDD0...0xFDEF: return true
        default: return value & 0xFFFE == 0xFFFE
        }
    }

    static func describe(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let code = "U+" + hex.leftPadded(to: 4)
        switch scalar.value {
        case 0x202A...0x202E, 0x2066...0x2069: return code + " (bidirectional control)"
        case 0xFDD0...0xFDEF, 0xFFFE...0x10FFFF: return code + " (noncharacter)"
        default: return code + " (control character)"
        }
    }

    /// Bytes that can start a removed character: controls but tab and line breaks, DEL, and
    /// the lead bytes C2, E2, EF and F0–F4.
    private static let mayStart: [Bool] = (0..<256).map { (byte: Int) -> Bool in
        switch byte {
        case 0x09, 0x0A, 0x0D: return false
        case 0x00...0x1F, 0x7F, 0xC2, 0xE2, 0xEF, 0xF0...0xF4: return true
        default: return false
        }
    }

    /// A quick scan of the UTF-8 bytes: nearly all content has none of these characters.
    static func containsAny(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            let count = bytes.count
            var index = 0
            while index < count {
                // Skip bytes that cannot start one of these characters (nearly all of them)
                // with one table lookup each.
                let byte = bytes[index]
                if !InvisibleControls.mayStart[Int(byte)] {
                    index += 1
                    continue
                }
                switch byte {
                case 0x09, 0x0A, 0x0D: break
                case 0x00...0x1F, 0x7F: return true
                case 0xC2:
                    if index + 1 < count, (0x80...0x9F).contains(bytes[index + 1]) { return true }
                case 0xE2:
                    if index + 2 < count {
                        let second = bytes[index + 1], third = bytes[index + 2]
                        if second == 0x80 && (0xAA...0xAE).contains(third) { return true }
                        if second == 0x81 && (0xA6...0xA9).contains(third) { return true }
                    }
                case 0xEF:
                    if index + 2 < count {
                        let second = bytes[index + 1], third = bytes[index + 2]
                        if second == 0xB7 && (0x90...0xAF).contains(third) { return true }
                        if second == 0xBF && (third == 0xBE || third == 0xBF) { return true }
                    }
                case 0xF0...0xF4:
                    // U+nFFFE and U+nFFFF: F0–F4, x, BF, BE/BF where x ends in 0xF (…8F, 9F, AF, BF).
                    if index + 3 < count, bytes[index + 1] & 0x0F == 0x0F, bytes[index + 2] == 0xBF,
                       bytes[index + 3] == 0xBE || bytes[index + 3] == 0xBF { return true }
                default: break
                }
                index += 1
            }
            return false
        }
    }
}
