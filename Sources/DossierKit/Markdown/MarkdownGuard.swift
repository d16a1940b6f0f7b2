#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Bounds, before an article reaches cmark-gfm, the constructs on which Debian's 0.29.0.gfm.6
/// (without the upstream fixes of gfm.7 to gfm.13) takes time or memory out of proportion to
/// the text, as measured on this build (bench/hostile.py):
///
/// - **Tables.** cmark-gfm pads every row to the header's width: a header of 1,000 columns
///   over 3,000 one-cell rows is three million cells (6 GB at 30 KB of text). The cells of an
///   article's tables (columns × rows, padding included) may not exceed `tableCellBudget`;
///   a table that would is rendered as text (its delimiter row is escaped).
/// - **Unclosed brackets.** `![[]()` repeated is quadratic (each link formed walks back over
///   every image opener). Past `bracketLimit` brackets left open in one paragraph, the rest
///   of the paragraph's brackets are escaped: text, not links.
/// - **Emphasis delimiters.** Runs of `*`, `_` and `~` grow worse than linearly in one
///   paragraph (1 MB of `*a ` and `_a*_ ` mixed: 16 times 100 KB's time in cmark-gfm
///   itself). Past `delimiterLimit` runs in one paragraph, the rest are escaped.
/// - **`www.` autolinks.** `www._www._…` is quadratic in the autolink extension (each `www.`
///   scans the rest of the word). Past `autolinkLimit` of them in one word, the `.` of the
///   others is escaped.
///
/// One pass over the bytes (a table's rows are looked at once more, to count them). What it
/// changes it reports as a warning at its line, and escapes with a backslash, so the text
/// reads as written. Text in fenced code blocks is never changed.
public enum MarkdownGuard {
    /// Brackets left open in one paragraph before the rest are escaped.
    public static let bracketLimit = 256
    /// Runs of `*`, `_` or `~` in one paragraph before the rest are escaped.
    public static let delimiterLimit = 1_000
    /// `www.` in one word before the rest are escaped.
    public static let autolinkLimit = 4
    /// Warnings per article; more are summed up in one last warning.
    static let reportedWarnings = 20

    /// Table cells an article may have: a quarter of its bytes, and at least 50,000 (a real
    /// table's cell takes several bytes; a padded one none).
    public static func tableCellBudget(bytes: Int) -> Int { max(50_000, bytes / 4) }

    /// `markdown` with the constructs above bounded (the same string when there are none),
    /// and a warning for each change. `bodyLine` is the file's line of the text's first line.
    public static func bound(_ markdown: String, file: String, bodyLine: Int) -> (String, [Diagnostic]) {
        var text = markdown
        let (inserts, warnings) = text.withUTF8 { scan($0, file: file, bodyLine: bodyLine) }
        guard !inserts.isEmpty else { return (markdown, warnings) }
        var out: [UInt8] = []
        text.withUTF8 { bytes in
            out.reserveCapacity(bytes.count + inserts.count)
            var start = 0
            for position in inserts {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<position]))
                out.append(92)
                start = position
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
        return (String(decoding: out, as: UTF8.self), warnings)
    }

    /// Offsets (ascending) before which a backslash goes, and the warnings.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, file: String, bodyLine: Int) -> ([Int], [Diagnostic]) {
        let count = bytes.count
        var inserts: [Int] = []
        var warnings: [Diagnostic] = []
        var warned = 0
        func warn(_ line: Int, _ message: String, _ hint: String) {
            warned += 1
            if warned <= reportedWarnings { warnings.append(.warning(file, bodyLine + line, message, hint: hint)) }
        }
        let budget = tableCellBudget(bytes: count)
        var cells = 0
        var line = 0
        var index = 0
        var fence: (byte: UInt8, length: Int)?
        var previousBlank = true
        var tableRowsLeft = 0
        var openBrackets = 0
        var escapingBrackets = false
        var delimiterRuns = 0

        /// End of the line starting at `start` (the offset of its newline, or `count`).
        func lineEnd(_ start: Int) -> Int {
            guard start < count, let base = bytes.baseAddress,
                  let found = memchr(base + start, 10, count - start) else { return count }
            return UnsafeRawPointer(found) - UnsafeRawPointer(base)
        }
        /// First byte after spaces, tabs and block quote markers.
        func content(_ start: Int, _ end: Int) -> Int {
            var position = start
            while position < end && (bytes[position] == 32 || bytes[position] == 9 || bytes[position] == 62) { position += 1 }
            return position
        }
        func isBlank(_ start: Int, _ end: Int) -> Bool { start == end || (start == end - 1 && bytes[start] == 13) }

        while index < count {
            let end = lineEnd(index)
            let start = content(index, end)
            defer {
                index = end + 1
                line += 1
            }
            // Fenced code: its text is never changed (nor looked at).
            if start + 2 < end, bytes[start] == 96 || bytes[start] == 126 {
                var run = start
                while run < end && bytes[run] == bytes[start] { run += 1 }
                if run - start >= 3 {
                    if let open = fence {
                        if bytes[start] == open.byte && run - start >= open.length && isBlank(content(run, end), end) { fence = nil }
                        continue
                    }
                    if !(bytes[start] == 96 && bytes[run..<end].contains(96)) {
                        fence = (bytes[start], run - start)
                        continue
                    }
                }
            }
            if fence != nil { continue }
            if isBlank(start, end) {
                previousBlank = true
                tableRowsLeft = 0
                openBrackets = 0
                escapingBrackets = false
                delimiterRuns = 0
                continue
            }
            // A table starts at a delimiter row under a header line: count its rows, and
            // escape the delimiter row if its cells would pass the budget.
            if tableRowsLeft > 0 {
                tableRowsLeft -= 1
            } else if !previousBlank, let columns = delimiterColumns(bytes, start, end) {
                var rows = 0
                var next = end + 1
                while next < count {
                    let rowEnd = lineEnd(next)
                    if isBlank(content(next, rowEnd), rowEnd) { break }
                    rows += 1
                    next = rowEnd + 1
                }
                let tableCells = columns * (rows + 1)
                if cells + tableCells > budget {
                    inserts.append(start)
                    warn(line, "table of \(columns) columns and \(rows) rows would make \(tableCells) cells (at most \(budget) in this article); rendered as text",
                         "cmark-gfm fills every row to the header's width: give the table fewer columns or split it")
                } else {
                    cells += tableCells
                }
                tableRowsLeft = rows
            }
            // A list item or heading starts a paragraph of its own: cmark parses its inlines apart.
            if startsBlock(bytes, lineStart: index, start, end) {
                openBrackets = 0
                escapingBrackets = false
                delimiterRuns = 0
            }
            previousBlank = false
            // Inline constructs of the line.
            var wwwInWord = 0
            var wwwWarned = false
            var position = start
            while position < end {
                // Nearly every byte is none of those looked at: one table lookup each.
                let byte = bytes[position]
                if !MarkdownGuard.looked[Int(byte)] {
                    position += 1
                    continue
                }
                switch byte {
                case 92:  // a backslash escapes the next byte
                    position += 2
                    continue
                case 91:  // [
                    if escapingBrackets || openBrackets >= bracketLimit {
                        if !escapingBrackets {
                            escapingBrackets = true
                            warn(line, "more than \(bracketLimit) brackets left open in one paragraph; the rest of its brackets are rendered as text",
                                 "close the brackets or escape them as \\[")
                        }
                        inserts.append(position)
                    } else {
                        openBrackets += 1
                    }
                case 42, 95, 126:  // a run of *, _ or ~
                    var run = position + 1
                    while run < end && bytes[run] == byte { run += 1 }
                    delimiterRuns += 1
                    if delimiterRuns > delimiterLimit {
                        if delimiterRuns == delimiterLimit + 1 {
                            warn(line, "more than \(delimiterLimit) runs of *, _ or ~ in one paragraph; the rest are rendered as text",
                                 "split the paragraph or escape them as \\*")
                        }
                        for escaped in position..<run { inserts.append(escaped) }
                    }
                    position = run
                    continue
                case 93:  // ]
                    if escapingBrackets { inserts.append(position) } else if openBrackets > 0 { openBrackets -= 1 }
                case 32, 9:
                    wwwInWord = 0
                case 119, 87:  // www. (the autolink extension ignores case)
                    if position + 3 < end, bytes[position + 1] | 0x20 == 119, bytes[position + 2] | 0x20 == 119, bytes[position + 3] == 46 {
                        wwwInWord += 1
                        if wwwInWord > autolinkLimit {
                            if !wwwWarned {
                                wwwWarned = true
                                warn(line, "more than \(autolinkLimit) \"www.\" in one word; the rest are rendered as text, not links",
                                     "put spaces between the addresses")
                            }
                            inserts.append(position + 3)
                        }
                        position += 4
                        continue
                    }
                default:
                    break
                }
                position += 1
            }
        }
        if warned > reportedWarnings {
            warnings.append(.warning(file, warnings.last?.line, "\(warned - reportedWarnings) more constructs rendered as text",
                                     hint: "see the warnings above"))
        }
        return (inserts, warnings)
    }

    /// Bytes the inline scan acts on: backslash, brackets, space, tab, `w`, `W`, `*`, `_`, `~`.
    private static let looked: [Bool] = (0..<256).map { [92, 91, 93, 32, 9, 119, 87, 42, 95, 126].contains($0) }

    /// Whether the line starts a list item with text (which interrupts a paragraph: bullets,
    /// and `1.` or `1)`) or an ATX heading, indented as such (at most three spaces, after any
    /// block quote marker and its space: more indented, it continues the paragraph).
    /// `lineStart` is the line's first byte, `start` its first after spaces and `>`.
    static func startsBlock(_ bytes: UnsafeBufferPointer<UInt8>, lineStart: Int, _ start: Int, _ end: Int) -> Bool {
        guard start + 1 < end else { return false }
        var spaces = 0, quoted = false
        for position in lineStart..<start {
            if bytes[position] == 62 { spaces = 0; quoted = true } else { spaces += bytes[position] == 9 ? 4 : 1 }
        }
        guard spaces <= (quoted ? 4 : 3) else { return false }
        let first = bytes[start], second = bytes[start + 1]
        if first == 35 {  // # to ######, then a space
            var hashes = start
            while hashes < end && bytes[hashes] == 35 { hashes += 1 }
            return hashes - start <= 6 && hashes < end && (bytes[hashes] == 32 || bytes[hashes] == 9)
        }
        if first == 45 || first == 42 || first == 43 {  // - * + then a space and text
            return second == 32 && start + 2 < end && bytes[start + 2] != 32 && bytes[start + 2] != 13
        }
        return first == 49 && (second == 46 || second == 41) && start + 3 < end && bytes[start + 2] == 32
    }

    /// The number of columns of a GFM table delimiter row (`|---|:--:|`), or nil when the line
    /// is not one. Only lines with a pipe count: `---` alone is a heading underline or a rule.
    static func delimiterColumns(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
        guard start < end, bytes[start] == 124 || bytes[start] == 45 || bytes[start] == 58 else { return nil }
        var columns = 0
        var dashes = false
        var pipes = false
        for position in start..<end {
            switch bytes[position] {
            case 45: dashes = true
            case 58, 32, 9, 13: break
            case 124:
                pipes = true
                if dashes { columns += 1 }
                dashes = false
            default: return nil
            }
        }
        if dashes { columns += 1 }
        return pipes && columns > 0 ? columns : nil
    }
}
