/// A raw page with its boilerplate removed by the import rules: the lines that may be the
/// article (headline, dateline, paragraphs), and what the removed lines said about it.
public struct CleanedPage: Sendable {
    public struct Line: Sendable, Hashable {
        /// Trimmed, NFC, runs of white space as one space.
        public var text: String
        /// Line number in the raw file.
        public var number: Int
    }

    public var lines: [Line] = []
    /// An agency named by a sign-off (`--आईएएनएस`), as written.
    public var signOffAgency: String?
    /// The outlet named by a rule's `source:` (a line only that outlet prints).
    public var ruleSource: String?
    /// A byline's outlet and reporter.
    public var bylineSource: String?
    public var author: String?
    /// The original address (`स्रोत: https://...`) and the outlet its rule names.
    public var url: String?
    public var urlSource: String?
    /// Raw line numbers: where the cut-off marker was, and the paragraphs dropped as repeats.
    public var cutLine: Int?
    public var repeatedLines: [Int] = []
    public var droppedCount = 0
}

/// Removes boilerplate from a raw page, line by line, by the import rules; a paragraph the
/// page prints twice (a lede repeated above the dateline) is kept once, where it comes last.
public struct RawPageCleaner: Sendable {
    public let rules: ImportRules

    public init(rules: ImportRules) { self.rules = rules }

    public func clean(_ text: String) -> CleanedPage {
        var page = CleanedPage()
        var skipping = 0
        var started = false
        var number = 0
        // Split on bytes: splitting a String by Character walks grapheme clusters.
        for rawLine in text.utf8.split(separator: 10, omittingEmptySubsequences: false) {
            number += 1
            let line = RawPageCleaner.normalise(Substring(rawLine))
            if line.isEmpty { continue }
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
            if skipping > 0 {
                skipping -= 1
                page.droppedCount += 1
                continue
            }
            if let (rule, _) = first(rules.cut, line) {
                page.ruleSource = page.ruleSource ?? rule.source
                page.droppedCount += 1
                // Before the article has begun, a "related" box is navigation, not the end.
                if started {
                    page.cutLine = number
                    break
                }
                continue
            }
            // Dropped lines and captions go the same way (with the lines a rule says follow them).
            if let (rule, _) = first(rules.drop, line) ?? first(rules.captions, line) {
                page.ruleSource = page.ruleSource ?? rule.source
                skipping = rule.next
                page.droppedCount += 1
                continue
            }
            if let (rule, captures) = first(rules.signOffs, line) {
                page.ruleSource = page.ruleSource ?? rule.source
                if page.signOffAgency == nil, let agency = captures["agency"], !agency.isEmpty { page.signOffAgency = agency }
                page.droppedCount += 1
                continue
            }
            if let (rule, captures) = first(rules.sourceLinks, line) {
                if page.url == nil {
                    page.url = captures["url"]
                    page.urlSource = captures["source"].flatMap { $0.isEmpty ? nil : $0 } ?? rule.source
                }
                page.droppedCount += 1
                continue
            }
            if let (rule, captures) = first(rules.bylines, line) {
                page.bylineSource = page.bylineSource ?? captures["source"].flatMap { $0.isEmpty ? nil : $0 } ?? rule.source
                page.author = page.author ?? captures["author"].flatMap { $0.isEmpty ? nil : $0 }
                page.droppedCount += 1
                continue
            }
            page.lines.append(CleanedPage.Line(text: line, number: number))
            if !started && RawPageCleaner.readsLikeParagraph(line) { started = true }
        }
        // A repeated paragraph is kept where it comes last: a lede printed above the
        // dateline is a teaser for the same paragraph in the report.
        // Keyed by bytes: text is NFC already, and hashing a String normalises it again.
        var last: [[UInt8]: Int] = [:]
        for (index, line) in page.lines.enumerated() { last[Array(line.text.utf8)] = index }
        var kept: [CleanedPage.Line] = []
        for (index, line) in page.lines.enumerated() {
            if last[Array(line.text.utf8)] == index { kept.append(line) } else { page.repeatedLines.append(line.number) }
        }
        page.lines = kept
        return page
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
