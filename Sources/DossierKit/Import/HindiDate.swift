import Foundation

/// A calendar date as a Hindi news page writes it: `22/10/2024`, `2 नवंबर`, `13 सितंबर 2024`,
/// `नवम्बर 2024`, `November 2, 2024`. Parts the text leaves out (often the year) stay nil:
/// they are never guessed.
public struct HindiDate: Sendable, Hashable, CustomStringConvertible {
    public var year: Int?
    public var month: Int
    public var day: Int?

    public init(year: Int?, month: Int, day: Int?) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// `YYYY-MM-DD` when year, month and day are all known.
    public var iso: String? {
        guard let year, let day else { return nil }
        return String(format: "%04d-%02d-%02d", year, month, day)
    }

    public var isComplete: Bool { iso != nil }

    /// The same date in the given year, if it exists then (29 February).
    public func inYear(_ year: Int) -> HindiDate? {
        guard let day, day <= ISODate.daysIn(month: month, year: year) else { return nil }
        return HindiDate(year: year, month: month, day: day)
    }

    public var description: String {
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
    ].map { $0.map(TextNormalization.nfc) }

    static let englishMonths = ["January", "February", "March", "April", "May", "June", "July", "August",
                                "September", "October", "November", "December"]

    /// A date found in a text: where it is (UTF-16 range, as `NSString` counts) and what it says.
    public struct Found: Sendable, Hashable {
        public var date: HindiDate
        public var range: NSRange
    }

    /// Every date written in `text`, in order, not overlapping.
    public static func all(in text: String) -> [Found] {
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

    /// The date that `text` starts with (after spaces), and the text after it.
    public static func leading(_ text: String) -> (date: HindiDate, rest: Substring)? {
        guard let first = all(in: text).first else { return nil }
        let start = (text as NSString).substring(to: first.range.location)
        guard start.allSatisfy(\.isWhitespace), let end = Range(first.range, in: text)?.upperBound else { return nil }
        return (first.date, text[end...])
    }

    /// A line that says nothing but a date, perhaps behind a label (`प्रकाशित:`, `Updated:`)
    /// and followed by a time (`10:15 AM IST`).
    public static func dateLine(_ line: String) -> HindiDate? {
        // Label, date and time fit in far less; a paragraph is not a date line.
        guard line.utf8.count <= 600 else { return nil }
        var text = Substring(line)
        if let colon = text.firstIndex(of: ":"), text[..<colon].split(separator: " ").count <= 3,
           !text[..<colon].contains(where: \.isNumber) {
            text = text[text.index(after: colon)...]
        }
        guard let (date, rest) = leading(String(text)) else { return nil }
        let tail = String(rest)
        let range = NSRange(location: 0, length: (tail as NSString).length)
        return timeTail.firstMatch(in: tail, range: range) == nil ? nil : date
    }

    // MARK: - Patterns

    private struct Form: Sendable {
        let regex: NSRegularExpression
        let date: @Sendable (NSTextCheckingResult, String) -> HindiDate?
    }

    private static let digit = "[0-9०-९]"
    private static let notWord = "(?<![\\p{L}\\p{M}\\p{N}])"
    private static let wordEnd = "(?![\\p{L}\\p{M}\\p{N}])"
    private static let monthAlternation: String = {
        // Longest first, so `सितंबर` wins over a shorter prefix and `sept` over `sep`.
        monthNames.flatMap { $0 }.sorted { $0.count > $1.count }.map(NSRegularExpression.escapedPattern(for:)).joined(separator: "|")
    }()
    private static let timeTail = try! NSRegularExpression(
        pattern: "^[\\s,|]*(?:\(digit){1,2}[:.]\(digit){2}\\s*(?:AM|PM|am|pm|बजे)?)?\\s*(?:\\(?IST\\)?)?\\s*$")

    private static func regex(_ pattern: String) -> NSRegularExpression {
        try! NSRegularExpression(pattern: notWord + pattern + wordEnd, options: [.caseInsensitive])
    }

    private static let forms: [Form] = [
        // 2024-10-22
        Form(regex: regex("(\(digit){4})-(\(digit){2})-(\(digit){2})")) { match, text in
            make(year: number(match, 1, text), month: number(match, 2, text), day: number(match, 3, text))
        },
        // 22/10/2024, 22-10-2024, 22.10.2024 (day first)
        Form(regex: regex("(\(digit){1,2})[/.\\-](\(digit){1,2})[/.\\-](\(digit){4})")) { match, text in
            make(year: number(match, 3, text), month: number(match, 2, text), day: number(match, 1, text))
        },
        // 2 नवंबर, 2 नवंबर 2024, 2 नवंबर, 2024
        Form(regex: regex("(\(digit){1,2})\\s+(\(monthAlternation))(?:,?\\s+(\(digit){4}))?")) { match, text in
            make(year: number(match, 3, text), month: month(match, 2, text), day: number(match, 1, text))
        },
        // November 2, 2024
        Form(regex: regex("(\(monthAlternation))\\s+(\(digit){1,2}),?\\s+(\(digit){4})")) { match, text in
            make(year: number(match, 3, text), month: month(match, 1, text), day: number(match, 2, text))
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
