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
/// - **Nesting.** Block quotes and list items nested deeper than `nestingLimit` (on one line,
///   `> - > - …`, or by ever deeper indentation) are text: the marker that would open the
///   next level is escaped. cmark-gfm measured linear on them here, but each level is a node
///   and an element on every page that shows the article; no reader needs 33 levels.
/// - **Reference expansion.** A reference definition is written again at each use: one 2 KB
///   destination used by 300,000 `[x]` made 509 MB of output from 1 MB (2.1 GB of memory).
///   The destinations and titles written by uses may total `expansionBudget` bytes; past it,
///   uses are text (their `[` escaped).
///
/// One pass over the bytes (a table's rows are looked at once more, to count them; a second
/// pass over the brackets when the article defines references). What it
/// changes it reports as a warning at its line, and escapes with a backslash, so the text
/// reads as written. Text in fenced code blocks is never changed.
enum MarkdownGuard {
    /// Brackets left open in one paragraph before the rest are escaped.
    static let bracketLimit = 256
    /// Runs of `*`, `_` or `~` in one paragraph before the rest are escaped.
    static let delimiterLimit = 1_000
    /// `www.` in one word before the rest are escaped.
    static let autolinkLimit = 4
    /// Block quotes and list items nested in one another before the next is text.
    static let nestingLimit = 32
    /// Warnings per article; more are summed up in one last warning.
    static let reportedWarnings = 20

    /// Table cells an article may have: a quarter of its bytes, and at least 50,000 (a real
    /// table's cell takes several bytes; a padded one none).
    static func tableCellBudget(bytes: Int) -> Int { max(50_000, bytes / 4) }

    /// Bytes of reference destinations and titles an article's uses may write: its own size,
    /// and at least 100,000.
    static func expansionBudget(bytes: Int) -> Int { max(100_000, bytes) }

    /// `markdown` with the constructs above bounded (the same string when there are none),
    /// and a warning for each change. `bodyLine` is the file's line of the text's first line.
    static func bound(_ markdown: String, file: String, bodyLine: Int) -> (String, [Diagnostic]) {
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
        // Nesting: content columns of the list items open by indentation, and the quote depth
        // they were opened at (a less indented line closes items only after a blank line:
        // without one it is a lazy continuation).
        var listColumns: [Int] = []
        var listQuotes = 0
        var nestingWarned = 0
        // Reference definitions (normalised label -> bytes of destination and title).
        var definitions: [[UInt8]: Int] = [:]
        // Fenced code blocks' byte ranges, which the reference pass skips.
        var fenced: [Range<Int>] = []
        var fenceStart = 0

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
        /// Bounds the quotes and list items the line opens: counted on the line, and for list
        /// items with those open by indentation above it.
        func nesting(lineStart: Int, _ end: Int, line: Int) {
            var position = lineStart, column = 0, quotes = 0, depth = 0, items = false
            func escape(_ at: Int) {
                inserts.append(at)
                warn(line, "block quotes and list items nested more than \(nestingLimit) deep; the rest of the line is rendered as text",
                     "nest less deeply")
                nestingWarned += 1
            }
            while position < end {
                // Spaces and tabs (to the next multiple of four columns).
                while position < end && (bytes[position] == 32 || bytes[position] == 9) {
                    column = bytes[position] == 9 ? (column / 4 + 1) * 4 : column + 1
                    position += 1
                }
                guard position < end else { break }
                if bytes[position] == 62 {  // >
                    if depth >= nestingLimit { escape(position); return }
                    quotes += 1
                    depth += 1
                    position += 1
                    column += 1
                    if position < end && bytes[position] == 32 { position += 1; column += 1 }
                    continue
                }
                guard let width = listMarker(bytes, position, end), !isThematicBreak(bytes, position, end) else { break }
                if !items {
                    // The first item of the line: its place among the items open by indentation.
                    items = true
                    if quotes != listQuotes { listColumns.removeAll(); listQuotes = quotes }
                    while let last = listColumns.last, last > column { listColumns.removeLast() }
                    depth += listColumns.count
                }
                if depth >= nestingLimit {
                    // Escape the marker's last byte (`\-`, `1\.`): it reads as written.
                    escape(position + width - 1)
                    return
                }
                depth += 1
                position += width
                column += width
                var spaces = 0
                while position + spaces < end && bytes[position + spaces] == 32 && spaces < 4 { spaces += 1 }
                let content = position + spaces >= end || spaces == 4 ? column + 1 : column + spaces
                listColumns.append(content)
                position += spaces == 4 ? 1 : spaces
                column += spaces == 4 ? 1 : spaces
            }
            if !items && previousBlank {
                if quotes != listQuotes { listColumns.removeAll(); listQuotes = quotes }
                while let last = listColumns.last, last > column { listColumns.removeLast() }
            }
        }

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
                        if bytes[start] == open.byte && run - start >= open.length && isBlank(content(run, end), end) {
                            fence = nil
                            fenced.append(fenceStart..<end)
                        }
                        continue
                    }
                    if !(bytes[start] == 96 && bytes[run..<end].contains(96)) {
                        fence = (bytes[start], run - start)
                        fenceStart = index
                        continue
                    }
                }
            }
            if fence != nil { continue }
            var first = index
            while first < end && (bytes[first] == 32 || bytes[first] == 9) { first += 1 }
            if !isBlank(first, end) {  // `> > >` alone counts too: its quotes are nodes
                nesting(lineStart: index, end, line: line)
                if let (label, length) = definition(bytes, index, end) { definitions[label] = max(definitions[label] ?? 0, length) }
            }
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
        if !definitions.isEmpty {
            let found = referenceUses(bytes, definitions: definitions, budget: expansionBudget(bytes: count), fenced: fence == nil ? fenced : fenced + [fenceStart..<count])
            if let first = found.line {
                warn(first, "references expand to more than \(expansionBudget(bytes: count)) bytes of destinations and titles; the later uses are rendered as text",
                     "use each long link's address once, or shorten it")
                inserts.append(contentsOf: found.inserts)
            }
        }
        if nestingWarned > 0 || !definitions.isEmpty {
            // The passes above may escape one byte twice (a `*` marker past the depth and past
            // the delimiter limit): once is enough.
            inserts.sort()
            var unique: [Int] = []
            unique.reserveCapacity(inserts.count)
            for position in inserts where unique.last != position { unique.append(position) }
            inserts = unique
        }
        if warned > reportedWarnings {
            warnings.append(.warning(file, warnings.last?.line, "\(warned - reportedWarnings) more constructs rendered as text",
                                     hint: "see the warnings above"))
        }
        return (inserts, warnings)
    }

    /// The width of the list marker at `position` (`-`, `*`, `+`, or up to nine digits and `.`
    /// or `)`, followed by a space, a tab or the line's end), or nil.
    static func listMarker(_ bytes: UnsafeBufferPointer<UInt8>, _ position: Int, _ end: Int) -> Int? {
        var after = position
        let first = bytes[position]
        if first == 45 || first == 42 || first == 43 {
            after += 1
        } else {
            while after < end && after - position < 9 && bytes[after] >= 48 && bytes[after] <= 57 { after += 1 }
            guard after > position, after < end, bytes[after] == 46 || bytes[after] == 41 else { return nil }
            after += 1
        }
        guard after == end || bytes[after] == 32 || bytes[after] == 9 || bytes[after] == 13 else { return nil }
        return after - position
    }

    /// Whether the rest of the line is a thematic break (`- - -`, `***`, `___`).
    static func isThematicBreak(_ bytes: UnsafeBufferPointer<UInt8>, _ position: Int, _ end: Int) -> Bool {
        let mark = bytes[position]
        guard mark == 45 || mark == 42 || mark == 95 else { return false }
        var marks = 0
        for index in position..<end {
            switch bytes[index] {
            case mark: marks += 1
            case 32, 9, 13: break
            default: return false
            }
        }
        return marks >= 3
    }

    /// A reference definition on the line (`[label]: destination "title"`, up to three spaces
    /// in, after any `>`): its normalised label and the bytes after the colon, or nil.
    static func definition(_ bytes: UnsafeBufferPointer<UInt8>, _ lineStart: Int, _ end: Int) -> ([UInt8], Int)? {
        var position = lineStart
        while position < end && (bytes[position] == 32 || bytes[position] == 62) { position += 1 }
        guard position < end, bytes[position] == 91 else { return nil }
        var close = position + 1
        while close < end && bytes[close] != 93 {
            if bytes[close] == 91 || close - position > 999 { return nil }
            if bytes[close] == 92 { close += 1 }
            close += 1
        }
        guard close + 1 < end, bytes[close + 1] == 58, close > position + 1 else { return nil }
        return (label(bytes, position + 1, close), end - close - 2)
    }

    /// A link label as cmark matches it: ASCII letters in lower case, runs of white space as one
    /// space, none at either end.
    static func label(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> [UInt8] {
        var out: [UInt8] = []
        var space = false
        for index in start..<end {
            let byte = bytes[index]
            if byte == 32 || byte == 9 || byte == 10 || byte == 13 {
                space = !out.isEmpty
                continue
            }
            if space { out.append(32); space = false }
            out.append(byte >= 65 && byte <= 90 ? byte + 32 : byte)
        }
        return out
    }

    /// The uses of defined references past `budget` bytes of expansion: where to escape their
    /// `[`, and the line of the first. Brackets in fenced code are skipped.
    static func referenceUses(_ bytes: UnsafeBufferPointer<UInt8>, definitions: [[UInt8]: Int], budget: Int,
                              fenced: [Range<Int>]) -> (inserts: [Int], line: Int?) {
        var inserts: [Int] = []
        var expanded = 0
        var open: Int?
        var fence = 0
        var position = 0
        while position < bytes.count {
            if fence < fenced.count && position >= fenced[fence].lowerBound {
                position = max(position, fenced[fence].upperBound)
                fence += 1
                open = nil
                continue
            }
            switch bytes[position] {
            case 92:
                position += 1
            case 91:
                open = position
            case 93:
                if let start = open, position - start <= 1_000 {
                    let next = position + 1 < bytes.count ? bytes[position + 1] : 0
                    if next != 58 && next != 40, let length = definitions[label(bytes, start + 1, position)] {
                        expanded += length
                        if expanded > budget { inserts.append(start) }
                    }
                }
                open = nil
            default:
                break
            }
            position += 1
        }
        guard let first = inserts.first else { return ([], nil) }
        var line = 0
        for index in 0..<first where bytes[index] == 10 { line += 1 }
        return (inserts, line)
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
