import Foundation

/// A calendar date as a Hindi news page writes it: `22/10/2024`, `2 नवंबर`, `13 सितंबर 2024`,
/// `नवम्बर 2024`, `November 2, 2024`. Parts the text leaves out (often the year) stay nil:
/// they are never guessed.
struct HindiDate: Sendable, Hashable, CustomStringConvertible {
    var year: Int?
    var month: Int
    var day: Int?

    init(year: Int?, month: Int, day: Int?) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// `YYYY-MM-DD` when year, month and day are all known.
    var iso: String? {
        guard let year, let day else { return nil }
        return String(format: "%04d-%02d-%02d", year, month, day)
    }

    var isComplete: Bool { iso != nil }

    /// The same date in the given year, if it exists then (29 February).
    func inYear(_ year: Int) -> HindiDate? {
        guard let day, day <= ISODate.daysIn(month: month, year: year) else { return nil }
        return HindiDate(year: year, month: month, day: day)
    }

    var description: String {
        [day.map(String.init), HindiDate.englishMonths[month - 1], year.map(String.init)].compactMap { $0 }.joined(separator: " ")
    }

    /// Month names by month number; every spelling the pages use (NFC, matched case-insensitively).
    static let monthNames: [[String]] = [
        ["जनवरी", "january", "jan"],
        ["फरवरी", "फ़रवरी", "february", "feb"],
        ["मार्च", "march", "mar"],
        ["अप्रैल", "अप्रेल", "april", "apr"],
        ["मई", "may"],
        ["जून", "june", "jun"],
        ["जुलाई", "july", "jul"],
        ["अगस्त", "august", "aug"],
        ["सितंबर", "सितम्बर", "september", "sept", "sep"],
        ["अक्टूबर", "अक्तूबर", "अक्टुबर", "october", "oct"],
        ["नवंबर", "नवम्बर", "november", "nov"],
        ["दिसंबर", "दिसम्बर", "december", "dec"],
    ].enumerated().map { month, names in
        // Short forms with the abbreviation sign or a point: `3 दिसं॰ 2025`, `15 अग. 2024`
        // (never bare: `जन`, `नव` are words).
        (names + abbreviations[month].flatMap { [$0 + "॰", $0 + "."] }).map(TextNormalization.nfc)
    }

    private static let abbreviations: [[String]] = [
        ["जन"], ["फर", "फ़र", "फ़रव", "फरव"], ["मार्च"], ["अप्रै", "अप्र"], ["मई"], ["जून"], ["जुला", "जुल"], ["अग"],
        ["सितं", "सित", "सितम्"], ["अक्टू", "अक्तू", "अक्टु"], ["नवं", "नव", "नवम्"], ["दिसं", "दिस", "दिसम्"],
    ]

    static let englishMonths = ["January", "February", "March", "April", "May", "June", "July", "August",
                                "September", "October", "November", "December"]

    /// A date found in a text: where it is (UTF-16 range, as `NSString` counts) and what it says.
    struct Found: Sendable, Hashable {
        var date: HindiDate
        var range: NSRange
    }

    /// Every date written in `text`, in order, not overlapping.
    static func all(in text: String) -> [Found] {
        let whole = NSRange(location: 0, length: (text as NSString).length)
        var found: [Found] = []
        for form in forms {
            for match in form.regex.matches(in: text, range: whole) {
                guard !found.contains(where: { NSIntersectionRange($0.range, match.range).length > 0 }),
                      let date = form.date(match, text) else { continue }
                found.append(Found(date: date, range: match.range))
            }
        }
        return found.sorted { $0.range.location < $1.range.location }
    }

    /// A complete date in a page's address (`/2025/03/27/`, `-2023-09-13`, `/27/03/2025`,
    /// `22-may-2019`), read from its path; nil when it has none.
    static func inAddress(_ address: String) -> HindiDate? {
        var path = Substring(address)
        if let scheme = path.range(of: "://") { path = path[scheme.upperBound...] }
        guard let slash = path.firstIndex(of: "/") else { return nil }
        path = path[slash...].prefix(400)
        let decoded = String(path).removingPercentEncoding ?? String(path)
        for separators in ["-", " "] {
            let text = String(decoded.map { "/_-".contains($0) ? Character(separators) : $0 })
            if let found = all(in: text).first(where: { $0.date.isComplete }) { return found.date }
        }
        return nil
    }

    /// The date a report gives as today's (`आज दिनांक 30.06.2023 को ...`), if it does.
    static func today(in text: String) -> HindiDate? {
        let head = String(text.prefix(600))
        for found in all(in: head) where found.date.isComplete {
            let before = (head as NSString).substring(to: found.range.location)
                .trimmingCharacters(in: CharacterSet(charactersIn: " ,:-"))
            if before.hasSuffix("आज दिनांक") || before.hasSuffix("आज, दिनांक") || before.hasSuffix("आज तारीख") { return found.date }
        }
        return nil
    }

    /// The date that `text` starts with (after spaces), and the text after it.
    static func leading(_ text: String) -> (date: HindiDate, rest: Substring)? {
        guard let first = all(in: text).first else { return nil }
        let start = (text as NSString).substring(to: first.range.location)
        guard start.allSatisfy(\.isWhitespace), let end = Range(first.range, in: text)?.upperBound else { return nil }
        return (first.date, text[end...])
    }

    /// What a date line says its date is.
    enum Label: Sendable, Hashable {
        /// `Published`, `प्रकाशित`, `First published`, `Publish Date`, `Posted`.
        case published
        /// `Updated`, `अपडेट`, `Modified`, `Last updated`.
        case updated
        /// No label, or one that says neither.
        case none
        /// A weekday and a date without a label (`Friday, October 18, 2024`): a site's date
        /// bar, often the day the page was shown rather than its date; the last choice.
        case dateBar
    }

    /// A line that says nothing but a date, perhaps behind a label (`प्रकाशित:`, `Updated:`)
    /// and followed by a time (`10:15 AM IST`). Of a line with two (`Modified Date: … Published
    /// Date: …`), the publication date.
    static func dateLine(_ line: String) -> HindiDate? {
        guard let dates = labelledDates(line) else { return nil }
        return (dates.first { $0.label == .published } ?? dates.first { $0.label == .none }
                ?? dates.first { $0.label == .updated } ?? dates.first)?.date
    }

    /// The dates of a line that holds nothing else: each perhaps behind a label and a weekday
    /// and followed by a time (`| Updated on: Oct 14, 2024 | 7:44 PM`, `Publish Date - October
    /// 18, 2024 / 02:58 PM IST,`). Nil when anything else is on the line.
    static func labelledDates(_ line: String) -> [(date: HindiDate, label: Label)]? {
        // Labels, dates and times fit in far less; a paragraph is not a date line.
        guard line.utf8.count <= 600 else { return nil }
        var text = line.trimmingCharacters(in: .whitespaces)
        var dates: [(date: HindiDate, label: Label)] = []
        while true {
            text = strip(separators, from: text)
            if text.isEmpty { break }
            var label = Label.none
            if let (kind, rest) = knownLabel(text) {
                label = kind
                text = rest
            } else if dates.isEmpty, let colon = text.firstIndex(of: ":"), text[..<colon].split(separator: " ").count <= 3,
                      !text[..<colon].contains(where: \.isNumber) {
                // Another short label: `Date:`, `दिनांक:`.
                text = String(text[text.index(after: colon)...])
            }
            text = strip(bylineSegment, from: text)
            if text.isEmpty { break }
            let afterWeekday = strip(weekday, from: text)
            if afterWeekday != text && label == .none { label = .dateBar }
            text = afterWeekday
            guard let (date, rest) = leading(text) else { return nil }
            dates.append((date, label))
            text = strip(timeTail, from: String(rest))
        }
        return dates.isEmpty ? nil : dates
    }

    private static func knownLabel(_ text: String) -> (Label, String)? {
        let range = NSRange(location: 0, length: (text as NSString).length)
        guard let match = labelPattern.firstMatch(in: text, range: range) else { return nil }
        let published = match.range(at: 1).location != NSNotFound
        return (published ? .published : .updated, (text as NSString).substring(from: match.range.upperBound))
    }

    private static func strip(_ regex: NSRegularExpression, from text: String) -> String {
        let range = NSRange(location: 0, length: (text as NSString).length)
        guard let match = regex.firstMatch(in: text, range: range), match.range.length > 0 else { return text }
        return (text as NSString).substring(from: match.range.upperBound)
    }

    // MARK: - Patterns

    private struct Form: Sendable {
        let regex: NSRegularExpression
        let date: @Sendable (NSTextCheckingResult, String) -> HindiDate?
    }

    private static let digit = "[0-9०-९]"
    private static let notWord = "(?<![\\p{L}\\p{M}\\p{N}])"
    private static let wordEnd = "(?![\\p{L}\\p{M}\\p{N}])"
    static let monthAlternation: String = {
        // Longest first, so `सितंबर` wins over a shorter prefix and `sept` over `sep`.
        monthNames.flatMap { $0 }.sorted { $0.count > $1.count }.map(NSRegularExpression.escapedPattern(for:)).joined(separator: "|")
    }()
    /// After a date: a time (`10:35`, `3:04 PM`, `08:03 am IST`, `17:02:11 +0530`, `at 5 PM`), the
    /// separators around it.
    private static let timeTail = try! NSRegularExpression(
        pattern: "^[\\s,|/–—-]*(?:(?:at\\s+)?\(digit){1,2}(?:[:.]\(digit){2}){1,2}\\s*(?:AM|PM|बजे)?|(?:at\\s+)?\(digit){1,2}\\s*(?:AM|PM))?\\s*(?:\\(?(?:IST|GMT|UTC)\\)?)?\\s*(?:[+-]\\d{2}:?\\d{2})?[\\s,|।]*",
        options: [.caseInsensitive])
    private static let separators = try! NSRegularExpression(pattern: "^[\\s,|/–—।-]+")
    /// A byline between a label and its date (`Published By : Admin | November 26, 2019`), or
    /// after the date (`Posted on June 25, 2025 by admin`).
    private static let bylineSegment = try! NSRegularExpression(pattern: "^(?:by|द्वारा)\\s*:?\\s*[^|:\\d]{1,40}?\\s*(?:\\||$)",
                                                                 options: [.caseInsensitive])
    /// `Published`, `First published on :`, `Publish Date -`, `प्रकाशित:`, `Updated On -`, `अपडेटेड:`.
    private static let labelPattern = try! NSRegularExpression(
        pattern: "^(?:(first\\s+published|published(?:\\s+date)?|publish(?:ed)?\\s+date|posted|प्रकाशित(?:\\s+(?:तिथि|तारीख|दिनांक))?)"
            + "|(?:last\\s+)?updated?(?:\\s+date)?|modified(?:\\s+date)?|अपडेट(?:ेड)?|अद्यतन)(?:\\s+(?:on|at))?\\s*(?:[:\\-–—]\\s*|\\s+|$)",
        options: [.caseInsensitive])
    /// `Friday, `, `Sun, `, `शुक्रवार, `.
    private static let weekday = try! NSRegularExpression(
        pattern: "^(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\\.?|(?:सोम|मंगल|बुध|गुरु|बृहस्पति|शुक्र|शनि|रवि)वार),?\\s+",
        options: [.caseInsensitive])

    private static func regex(_ pattern: String) -> NSRegularExpression {
        try! NSRegularExpression(pattern: notWord + pattern + wordEnd, options: [.caseInsensitive])
    }

    private static let forms: [Form] = [
        // 2024-10-22
        Form(regex: regex("(\(digit){4})-(\(digit){2})-(\(digit){2})")) { match, text in
            make(year: number(match, 1, text), month: number(match, 2, text), day: number(match, 3, text))
        },
        // 22/10/2024, 22-10-2024, 22.10.2024, 22.10. 2024 (day first)
        Form(regex: regex("(\(digit){1,2})[/.\\-](\(digit){1,2})(?:[/\\-]|\\.\\s?)(\(digit){4})")) { match, text in
            make(year: number(match, 3, text), month: number(match, 2, text), day: number(match, 1, text))
        },
        // 2 नवंबर, 2 नवंबर 2024, 2 नवंबर, 2024
        Form(regex: regex("(\(digit){1,2})\\s+(\(monthAlternation))\\.?(?:,?\\s+(\(digit){4}))?")) { match, text in
            make(year: number(match, 3, text), month: month(match, 2, text), day: number(match, 1, text))
        },
        // November 2, 2024
        Form(regex: regex("(\(monthAlternation))\\.?\\s+(\(digit){1,2}),?\\s+(\(digit){4})")) { match, text in
            make(year: number(match, 3, text), month: month(match, 1, text), day: number(match, 2, text))
        },
        // November 2 (a dateline's `मॉस्को, दिसम्बर 27 (भाषा)`)
        Form(regex: regex("(\(monthAlternation))\\.?\\s+(\(digit){1,2})")) { match, text in
            make(year: nil, month: month(match, 1, text), day: number(match, 2, text))
        },
        // नवम्बर 2024
        Form(regex: regex("(\(monthAlternation)),?\\s+(\(digit){4})")) { match, text in
            make(year: number(match, 2, text), month: month(match, 1, text), day: nil)
        },
    ]

    private static func group(_ match: NSTextCheckingResult, _ index: Int, _ text: String) -> String? {
        let range = match.range(at: index)
        guard range.location != NSNotFound, let swiftRange = Range(range, in: text) else { return nil }
        return String(text[swiftRange])
    }

    /// A number in ASCII or Devanagari digits.
    private static func number(_ match: NSTextCheckingResult, _ index: Int, _ text: String) -> Int? {
        guard let digits = group(match, index, text) else { return nil }
        var value = 0
        for scalar in digits.unicodeScalars {
            switch scalar.value {
            case 48...57: value = value * 10 + Int(scalar.value - 48)
            case 0x966...0x96F: value = value * 10 + Int(scalar.value - 0x966)
            default: return nil
            }
        }
        return value
    }

    private static func month(_ match: NSTextCheckingResult, _ index: Int, _ text: String) -> Int? {
        guard let name = group(match, index, text)?.lowercased() else { return nil }
        let key = TextNormalization.nfc(name)
        return monthNames.firstIndex { $0.contains(key) }.map { $0 + 1 }
    }

    /// A date only if it is a real one (day within its month; years 1900–2100).
    private static func make(year: Int?, month: Int?, day: Int?) -> HindiDate? {
        guard let month, (1...12).contains(month) else { return nil }
        if let year, !(1900...2100).contains(year) { return nil }
        if let day, day < 1 || day > ISODate.daysIn(month: month, year: year ?? 2024) { return nil }
        return HindiDate(year: year, month: month, day: day)
    }
}
