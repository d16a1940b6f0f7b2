import Foundation

/// The dateline that opens a news report: `सियोल, 2 नवंबर (आईएएनएस)।`, `सोल:`,
/// `काठमाण्डौ,नेपाल –`, `नई दिल्ली, 5 दिसम्बर (भाषा)`. Gives the place, the date and the
/// agency, and the text after it on the same line.
struct Dateline: Sendable, Hashable {
    var place: String
    /// A region or country after the place (`नेपाल` in `काठमाण्डौ,नेपाल`); not written out.
    var region: String?
    var date: HindiDate?
    /// As written, e.g. `आईएएनएस`.
    var agency: String?
    /// The rest of the line (the report's first words), possibly empty.
    var rest: String

    /// The dateline at the start of `line`, if the line has one. `opening` says the line
    /// opens the report: only there does `नई दिल्ली। ...` (a place and a full stop) count.
    static func parse(_ line: String, opening: Bool = false) -> Dateline? {
        // A dateline is at the start of a line: the pattern reads only its head, and the rest
        // of a long paragraph follows as it is (a regular expression over megabytes of it
        // would make a large page crawl).
        let head = String(line.prefix(headLength))
        let tail = line.utf8.count > head.utf8.count ? String(line.utf8.dropFirst(head.utf8.count))! : ""
        let range = NSRange(location: 0, length: (head as NSString).length)
        guard let match = pattern.firstMatch(in: head, range: range),
              let place = group(match, "place", head) else { return nil }
        let region = group(match, "region", head)
        let agency = group(match, "agency", head)?.trimmingWhitespace
        let separator = group(match, "separator", head)
        let rest = ((group(match, "rest", head) ?? "") + tail).trimmingWhitespace
        var date: HindiDate?
        if let written = group(match, "date", head) {
            // The date must be all of what the pattern took for one.
            guard let (found, tail) = HindiDate.leading(written), tail.allSatisfy(\.isWhitespace) else { return nil }
            date = found
        }
        // `प्रकाशित: 5 नवंबर 2024` is a date line with a label, not a place.
        if HindiDate.dateLine(rest) != nil { return nil }
        if date == nil && agency == nil {
            // `सोल:`, `काठमाण्डौ –`, `नई दिल्ली। ...`: only the mark tells it, so the words
            // before it must look like a place name, not the start of a sentence (`उन्होंने कहा:`).
            guard let separator else { return nil }
            let words = (place + " " + (region ?? "")).split(separator: " ")
            if words.contains(where: { sentenceWords.contains(String($0)) }) { return nil }
            if separator == "।" || separator == "|" {
                guard opening, words.count <= 2, !rest.isEmpty else { return nil }
            } else if ![":", "–", "—", "-"].contains(separator) {
                return nil
            }
        }
        if date == nil && separator == nil, let next = rest.split(separator: " ").first, sentenceWords.contains(String(next)) {
            // `अमेरिका (एपी) ने कहा` goes on as a sentence: not a dateline.
            return nil
        }
        return Dateline(place: place, region: region, date: date, agency: agency, rest: rest)
    }

    /// Characters of a line the pattern reads: far more than place, region, date and agency take.
    static let headLength = 400

    // One to three words, letters and marks (hyphens inside).
    private static let words = "[\\p{L}\\p{M}]+(?:-[\\p{L}\\p{M}]+)*(?:[ \\t\\u00A0]+[\\p{L}\\p{M}]+(?:-[\\p{L}\\p{M}]+)*){0,2}"
    private static let dateToken = "[0-9०-९]{1,2}\\s+[\\p{L}\\p{M}]+(?:,?\\s+[0-9०-९]{4})?|[0-9०-९]{1,2}[/.\\-][0-9०-९]{1,2}[/.\\-][0-9०-९]{4}"
    private static let pattern = try! NSRegularExpression(pattern:
        "^(?<place>\(words))"
        + "(?:\\s*,\\s*(?<region>\(words)))?"
        + "(?:\\s*,?\\s*(?<date>\(dateToken)))?"
        + "(?:\\s*\\((?<agency>[^()]{1,40})\\))?"
        + "\\s*(?<separator>[।|:–—]|-(?=\\s|$))?"
        + "\\s*(?<rest>.*)$")

    /// Words that start sentences, never place names.
    static let sentenceWords: Set<String> = [
        "ने", "को", "से", "में", "का", "की", "के", "पर", "और", "है", "हैं", "था", "थे", "कहा", "बताया", "लिखा",
        "अनुसार", "दौरान", "बीच", "साथ", "लिए", "यह", "वह", "इस", "उस", "उन्होंने", "उसने", "नोट", "सूत्र", "स्रोत",
        "प्रकाशित", "अपडेट", "अपडेटेड", "पुरालेख", "लेखक", "संपादक",
        "Note", "Source", "Read", "Time", "By", "Updated", "Published", "Edited", "Posted",
    ]

    private static func group(_ match: NSTextCheckingResult, _ name: String, _ text: String) -> String? {
        let range = match.range(withName: name)
        guard range.location != NSNotFound, let swiftRange = Range(range, in: text) else { return nil }
        return String(text[swiftRange])
    }
}
