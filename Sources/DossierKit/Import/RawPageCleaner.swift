/// A raw page with its boilerplate removed by the import rules: the lines that may be the
/// article (headline, dateline, paragraphs), and what the removed lines said about it.
struct CleanedPage: Sendable {
    struct Line: Sendable, Hashable {
        /// Trimmed, NFC, runs of white space as one space.
        var text: String
        /// Line number in the raw file.
        var number: Int
    }

    var lines: [Line] = []
    /// An agency named by a sign-off (`--आईएएनएस`), as written.
    var signOffAgency: String?
    /// Its line: an agency signs off below the report, so a report's line after it undoes it.
    var signOffLine: Int?
    /// The outlet named by a rule's `source:` (a line only that outlet prints).
    var ruleSource: String?
    /// A byline's outlet and reporter.
    var bylineSource: String?
    var author: String?
    /// The original address (`स्रोत: https://...`) and the outlet its rule names.
    var url: String?
    var urlSource: String?
    /// Raw line numbers: where the cut-off marker was, and the paragraphs dropped as repeats.
    var cutLine: Int?
    var repeatedLines: [Int] = []
    var droppedCount = 0
    /// Every line removed here, with its reason (rules, the outlet's furniture, repeats),
    /// in the order of the page.
    var dropped: [LineDecision] = []
}

/// Removes boilerplate from a raw page, line by line, by the import rules; a paragraph the
/// page prints twice (a lede repeated above the dateline) is kept once, where it comes last
/// (a headline printed twice above the report: where it comes first).
struct RawPageCleaner: Sendable {
    let rules: ImportRules

    init(rules: ImportRules) { self.rules = rules }

    /// `furniture` holds the lines this outlet prints on most of its pages; the page's outlet
    /// is the host of `url` (given with `--url`), else of the address the page gives.
    func clean(_ text: String, furniture: OutletFurniture? = nil, url: String? = nil) -> CleanedPage {
        var page = CleanedPage()
        var skipping = 0
        var skippingRule: (section: String, rule: LineRule)?
        var started = false
        var number = 0
        func drop(_ line: String, _ reason: DropReason) {
            page.dropped.append(LineDecision(line: number, text: line, fate: .dropped(reason)))
        }
        // Split on bytes: splitting a String by Character walks grapheme clusters.
        for rawLine in text.utf8.split(separator: 10, omittingEmptySubsequences: false) {
            number += 1
            let line = RawPageCleaner.normalise(Substring(rawLine))
            if line.isEmpty { continue }
            if let cutLine = page.cutLine {
                drop(line, .afterCut(line: cutLine))
                page.droppedCount += 1
                continue
            }
            let lowered = line.lowercased()
            // Boilerplate is short; a paragraph of thousands of characters is text, and a
            // regular expression per rule over it would make a large page crawl.
            let tryExpressions = line.utf8.count <= RawPageCleaner.longestRuleLine
            func first(_ list: [LineRule], _ line: String) -> (LineRule, [String: String])? {
                for rule in list {
                    if case .regex = rule.pattern, !tryExpressions { continue }
                    if let captures = rule.pattern.match(line, lowered: lowered) { return (rule, captures) }
                }
                return nil
            }
            func ruleReason(_ section: String, _ rule: LineRule, follows: Bool = false) -> DropReason {
                .rule(section: section, file: rule.file, line: rule.line, follows: follows)
            }
            if skipping > 0, let (section, rule) = skippingRule {
                skipping -= 1
                page.droppedCount += 1
                drop(line, ruleReason(section, rule, follows: true))
                continue
            }
            if let (rule, _) = first(rules.cut, line) {
                page.ruleSource = page.ruleSource ?? rule.source
                page.droppedCount += 1
                drop(line, ruleReason("cut", rule))
                // Before the article has begun, a "related" box is navigation, not the end.
                if started { page.cutLine = number }
                continue
            }
            // Dropped lines and captions go the same way (with the lines a rule says follow them).
            if let (section, (rule, _)) = first(rules.drop, line).map({ ("drop", $0) }) ?? first(rules.captions, line).map({ ("captions", $0) }) {
                page.ruleSource = page.ruleSource ?? rule.source
                skipping = rule.next
                skippingRule = (section, rule)
                page.droppedCount += 1
                drop(line, ruleReason(section, rule))
                continue
            }
            if let (rule, captures) = first(rules.signOffs, line) {
                page.ruleSource = page.ruleSource ?? rule.source
                // Above the article, `- भारत` is a menu's item, not an agency signing off.
                if page.signOffAgency == nil, started, let agency = captures["agency"], !agency.isEmpty {
                    page.signOffAgency = agency
                    page.signOffLine = number
                }
                page.droppedCount += 1
                drop(line, ruleReason("sign_offs", rule))
                continue
            }
            if let (rule, captures) = first(rules.sourceLinks, line) {
                if page.url == nil {
                    page.url = captures["url"]
                    page.urlSource = captures["source"].flatMap { $0.isEmpty ? nil : $0 } ?? rule.source
                }
                page.droppedCount += 1
                drop(line, ruleReason("source_links", rule))
                continue
            }
            if let (rule, captures) = first(rules.bylines, line) {
                page.bylineSource = page.bylineSource ?? captures["source"].flatMap { $0.isEmpty ? nil : $0 } ?? rule.source
                page.author = page.author ?? captures["author"].flatMap { $0.isEmpty ? nil : $0 }
                page.droppedCount += 1
                drop(line, ruleReason("bylines", rule))
                continue
            }
            page.lines.append(CleanedPage.Line(text: line, number: number))
            if !started && RawPageCleaner.readsLikeParagraph(line) { started = true }
        }
        // The outlet's furniture: lines its other pages print too.
        if let furniture, let host = OutletFurniture.outlet(of: url ?? page.url) {
            var kept: [CleanedPage.Line] = []
            for line in page.lines {
                if let reason = furniture.reason(for: line.text, host: host) {
                    page.dropped.append(LineDecision(line: line.number, text: line.text, fate: .dropped(reason)))
                    page.droppedCount += 1
                } else {
                    kept.append(line)
                }
            }
            page.lines = kept
        }
        // A repeated paragraph is kept where it comes last: a lede printed above the
        // dateline is a teaser for the same paragraph in the report.
        // Keyed by bytes: text is NFC already, and hashing a String normalises it again.
        var last: [[UInt8]: Int] = [:]
        for (index, line) in page.lines.enumerated() { last[Array(line.text.utf8)] = index }
        // But a headline printed twice above the report (once more over the dateline) is the
        // headline where it comes first: the copy in the text would read as a stray line.
        let firstParagraph = page.lines.firstIndex { RawPageCleaner.readsLikeParagraph($0.text) } ?? page.lines.count
        for index in page.lines.indices.reversed() where index < firstParagraph && !RawPageCleaner.endsSentence(page.lines[index].text) {
            let key = Array(page.lines[index].text.utf8)
            if let at = last[key], at < firstParagraph { last[key] = index }
        }
        // A teaser cut short (`... [...]`, `…`) repeats the start of a later paragraph: found by
        // the paragraphs' first words, so a page of many such lines stays linear.
        // A standfirst that is the report's first sentences again (perhaps after its dateline
        // or a desk's label) is found the same way.
        var byOpening: [[UInt8]: Int] = [:]
        var afterDateline: [Int: String] = [:]
        for (index, line) in page.lines.enumerated() {
            if let opening = RawPageCleaner.opening(line.text) { byOpening[opening] = index }
            if let rest = Dateline.parse(line.text, opening: true)?.rest ?? Dateline.afterDeskLabel(line.text), !rest.isEmpty,
               let opening = RawPageCleaner.opening(rest) {
                afterDateline[index] = rest
                byOpening[opening] = index
            }
        }
        func starts(_ later: Int, with stem: String, wholeWords: Bool = false) -> Bool {
            for text in [page.lines[later].text, afterDateline[later]].compactMap({ $0 })
            where text.utf8.starts(with: stem.utf8) && text.utf8.count > stem.utf8.count {
                guard wholeWords else { return true }
                // `... हो गया है` is not the start of `... हो गया हैं`.
                let next = String(decoding: text.utf8.dropFirst(stem.utf8.count).prefix(4), as: UTF8.self).unicodeScalars.first
                if let next, !(next.properties.isAlphabetic || next.properties.generalCategory == .nonspacingMark
                    || next.properties.generalCategory == .spacingMark || next.properties.numericType != nil) {
                    return true
                }
            }
            return false
        }
        func laterParagraph(cutFrom index: Int) -> Int? {
            if let stem = RawPageCleaner.teaserStem(page.lines[index].text), let opening = RawPageCleaner.opening(stem),
               let later = byOpening[opening], later > index {
                if starts(later, with: stem) { return later }
                // A headline and the start of the standfirst under it, run together and cut.
                let headline = page.lines[later].text
                if later + 1 < page.lines.count, stem.utf8.starts(with: headline.utf8), stem.utf8.count > headline.utf8.count + 1 {
                    let rest = String(stem.utf8.dropFirst(headline.utf8.count))!.trimmingCharacters(in: .whitespaces)
                    if !rest.isEmpty, page.lines[later + 1].text.utf8.starts(with: rest.utf8) { return later }
                }
            }
            if let stem = RawPageCleaner.repeatedStem(page.lines[index].text), let opening = RawPageCleaner.opening(stem),
               let later = byOpening[opening], later > index, starts(later, with: stem, wholeWords: true) {
                return later
            }
            return nil
        }
        var kept: [CleanedPage.Line] = []
        for (index, line) in page.lines.enumerated() {
            let cutFrom = laterParagraph(cutFrom: index)
            if let keptAt = last[Array(line.text.utf8)], keptAt == index, cutFrom == nil {
                kept.append(line)
            } else {
                page.repeatedLines.append(line.number)
                let keptAt = (cutFrom ?? last[Array(line.text.utf8)]).map { page.lines[$0].number } ?? line.number
                page.dropped.append(LineDecision(line: line.number, text: line.text, fate: .dropped(.repeatedOnPage(keptAt: keptAt))))
            }
        }
        page.lines = kept
        page.dropped.sort { $0.line < $1.line }
        return page
    }

    /// Words a teaser's stem must have to count as a later paragraph's start.
    static let teaserWords = 6

    /// The text of a line cut short by an ellipsis (`…`, `...`, `[…]`, `[...]`) before it,
    /// trimmed; nil for other lines.
    static func teaserStem(_ line: String) -> String? {
        var text = Substring(line.trimmingCharacters(in: .whitespaces))
        var cut = false
        for ending in ["[…]", "[...]", "…", "..."] where text.hasSuffix(ending) {
            text = text.dropLast(ending.count)
            cut = true
            break
        }
        guard cut else { return nil }
        let stem = text.trimmingCharacters(in: .whitespaces)
        return words(stem, upTo: teaserWords) >= teaserWords ? stem : nil
    }

    /// A line without its closing mark (`।`, `.`, `;`, `,`), when it has `teaserWords` words or
    /// more: the stem a later paragraph that opens with the same sentences starts with.
    static func repeatedStem(_ line: String) -> String? {
        var text = Substring(line)
        while let last = text.last, ["।", ".", ";", ",", "|", " "].contains(last) { text = text.dropLast() }
        guard !text.isEmpty, words(String(text), upTo: teaserWords) >= teaserWords else { return nil }
        return String(text)
    }

    /// A line's first `teaserWords` words (one space between words: the lines are normalised), as bytes; nil for a shorter line.
    static func opening(_ line: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        var spaces = 0
        for byte in line.utf8 {
            if byte == 32 {
                spaces += 1
                if spaces == teaserWords { return bytes }
            }
            bytes.append(byte)
        }
        return spaces == teaserWords - 1 ? bytes : nil
    }

    /// The original address the page gives (a `source_links:` line), for telling which
    /// outlet's pages it is among; nil when it gives none.
    func address(in text: String) -> String? {
        for rawLine in text.utf8.split(separator: 10, omittingEmptySubsequences: true) {
            guard rawLine.count <= RawPageCleaner.longestRuleLine else { continue }
            let line = RawPageCleaner.normalise(Substring(rawLine))
            guard !line.isEmpty else { continue }
            let lowered = line.lowercased()
            for rule in rules.sourceLinks {
                if let captures = rule.pattern.match(line, lowered: lowered), let url = captures["url"] { return url }
            }
        }
        return nil
    }

    /// Lines longer than this (UTF-8 bytes) are tried against `exact` and `prefix` rules only.
    static let longestRuleLine = 4_096

    /// Trimmed, NFC, every run of white space (no-break spaces too) one space.
    static func normalise(_ line: Substring) -> String {
        TextNormalization.collapsingWhitespace(TextNormalization.nfc(String(line)))
    }

    /// A sentence of some length, ending as sentences end: the article has begun.
    static func readsLikeParagraph(_ line: String) -> Bool {
        words(line, upTo: 6) >= 6 && endsSentence(line)
    }

    /// The number of words of a normalised line (one space between words), counted up to
    /// `limit` + 1 at most: a long paragraph is not walked to its end.
    static func words(_ line: String, upTo limit: Int) -> Int {
        guard !line.isEmpty else { return 0 }
        var count = 1
        for byte in line.utf8 where byte == 32 {
            count += 1
            if count > limit { break }
        }
        return count
    }

    /// Ends with `।`, `.`, `|`, `?` or `!`, perhaps before closing quotes or brackets.
    static func endsSentence(_ line: String) -> Bool {
        let closers: Set<Character> = ["\"", "'", "”", "’", ")", "]"]
        guard let last = line.reversed().first(where: { !closers.contains($0) }) else { return false }
        return ["।", ".", "|", "?", "!", "॥"].contains(last)
    }
}
