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
        // `(जौनपुर): ...`: the place in brackets before the mark.
        if line.hasPrefix("("), let close = line.prefix(60).firstIndex(of: ")") {
            let inner = line[line.index(after: line.startIndex)..<close].trimmingCharacters(in: .whitespaces)
            let after = line[line.index(after: close)...].drop { $0 == " " }
            if let mark = after.first, [":", "।", "–", "—"].contains(mark), !inner.isEmpty, !inner.contains("("),
               let found = parse(inner + String(after), opening: opening), found.place == inner {
                return found
            }
            return nil
        }
        // A dateline is at the start of a line: the pattern reads only its head, and the rest
        // of a long paragraph follows as it is (a regular expression over megabytes of it
        // would make a large page crawl).
        let head = String(line.prefix(headLength))
        let tail = line.utf8.count > head.utf8.count ? String(line.utf8.dropFirst(head.utf8.count))! : ""
        let range = NSRange(location: 0, length: (head as NSString).length)
        guard let match = pattern.firstMatch(in: head, range: range),
              let place = group(match, "place", head) else { return nil }
        let region = group(match, "region", head)
        let placeWords = (place + " " + (region ?? "")).split(separator: " ").map(String.init)
        // `Wednesday, 20 April, 2022` is a date bar; `नेशनल डेस्क:`, `ब्रेकिंग:`, `मोदी बोले-`
        // are a desk, a kicker and a speaker, not places.
        if placeWords.contains(where: { isWeekday($0) || notPlaceWords.contains($0) }) { return nil }
        let bracketed = group(match, "agency", head)?.trimmingWhitespace
        // `(एजेंसी)` or `(ब्यूरो)` names no outlet, and `पलामू (PALAMU)` spells the place again.
        let agency = bracketed.flatMap { genericAgencies.contains($0.lowercased()) || spellsPlace($0, place) ? nil : $0 }
        let separator = group(match, "separator", head)
        var rest = ((group(match, "rest", head) ?? "") + tail).trimmingWhitespace
        // `नई दिल्ली। : ...`: a second mark after the first.
        if separator != nil, let mark = rest.first, [":", "–", "—", "-"].contains(mark),
           rest.dropFirst().first.map({ $0 == " " }) ?? false {
            rest = String(rest.dropFirst()).trimmingWhitespace
        }
        var date: HindiDate?
        if let written = group(match, "date", head) {
            // The date must be all of what the pattern took for one.
            guard let (found, tail) = HindiDate.leading(written), tail.allSatisfy(\.isWhitespace) else { return nil }
            date = found
        }
        // `प्रकाशित: 5 नवंबर 2024` is a date line with a label, not a place.
        if HindiDate.dateLine(rest) != nil { return nil }
        // The words before the mark or the date must look like a place name, not the start of a
        // sentence (`उन्होंने कहा:`, `मौसम विभाग ने 4 अगस्त के ...`).
        if placeWords.contains(where: { sentenceWords.contains($0) }) { return nil }
        if date == nil && bracketed == nil {
            // `सोल:`, `काठमाण्डौ –`, `नई दिल्ली। ...`: only the mark tells it.
            guard let separator else { return nil }
            // `Bihar News: ...`, `EXCLUSIVE: ...` over Devanagari text: a kicker in the
            // interface's script, not the report's place.
            if isMostlyLatin(place), !isMostlyLatin(rest), !rest.isEmpty { return nil }
            let words = placeWords
            if separator == "।" || separator == "|" {
                guard opening, words.count <= 2, !rest.isEmpty else { return nil }
            } else if ![":", "–", "—", "-", "--"].contains(separator) {
                return nil
            }
        }
        if separator == nil, let next = rest.split(separator: " ").first, sentenceWords.contains(String(next)) {
            // `अमेरिका (एपी) ने कहा`, `... 5 दिसंबर को ...` go on as a sentence: not a dateline.
            return nil
        }
        return Dateline(place: place, region: region, date: date, agency: agency, rest: rest)
    }

    /// Words of a newsroom's desks and kickers that come before a colon or dash like a place
    /// does.
    static let deskWords: Set<String> = [
        "डेस्क", "ब्यूरो", "न्यूज", "न्यूज़", "समाचार", "ख़बर", "खबर", "खबरें", "ब्रेकिंग", "एक्सक्लूसिव", "लाइव", "वीडियो", "फोटो",
        "अपडेट्स", "रिपोर्ट", "विशेष", "संवाददाता", "एक्सप्लेनर", "रिपोर्टर", "प्रतिनिधि",
    ]
    /// Words that end an outlet's name (`वर्ल्ड स्वराज न्यूज़`, `लोकमत समाचार`).
    static let outletNameEnds: Set<String> = ["न्यूज", "न्यूज़", "समाचार", "टाइम्स", "ख़बर", "खबर", "एक्सप्रेस"]

    /// The rest of `line` after an outlet's name of up to four words that comes before the
    /// place (`वर्ल्ड स्वराज न्यूज़ हरदा। ...`); nil when the line does not open with one.
    static func afterOutletName(_ line: String) -> String? {
        let words = line.prefix(120).split(separator: " ", maxSplits: 5, omittingEmptySubsequences: true)
        guard words.count >= 3 else { return nil }
        for position in stride(from: min(3, words.count - 2), through: 1, by: -1)
        where outletNameEnds.contains(String(words[position])) && words[..<position].allSatisfy({ $0.allSatisfy { $0.isLetter || $0 == "." } }) {
            let rest = line[words[position + 1].startIndex...]
            return String(rest)
        }
        return nil
    }

    /// The place of a line that holds only a place and a mark (`कौशाम्बी,`, `सोल :`); nil for
    /// any other line.
    static func placeAlone(_ line: String) -> String? {
        guard let mark = line.last, [",", ":", "।", "–", "—", "-"].contains(mark) else { return nil }
        let place = line.dropLast().trimmingCharacters(in: .whitespaces)
        return looksLikePlace(place) ? place : nil
    }

    /// One or two words of letters, not Latin, none a weekday, a desk's, speech's or a
    /// sentence's word: a place's name where only its position says it is one.
    static func looksLikePlace(_ place: String) -> Bool {
        let words = place.split(separator: " ").map(String.init)
        return (1...2).contains(words.count) && !isMostlyLatin(place) && words.allSatisfy(isLetters)
            && !words.contains { isWeekday($0) || notPlaceWords.contains($0) || sentenceWords.contains($0) }
    }

    /// Letters and vowel signs only (no digits, no punctuation), and at least one.
    static func isLetters(_ word: String) -> Bool {
        !word.isEmpty && word.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0.properties.generalCategory == .nonspacingMark
            || $0.properties.generalCategory == .spacingMark }
    }

    /// Words of speech there (`मंत्री बोले- ...`): what follows is what was said.
    static let notPlaceWords: Set<String> = deskWords.union(["बोले", "बोलीं", "बोला", "बोली", "कहते", "पूछा", "दिनांक", "तारीख", "तिथि", "आज", "दावा", "सच", "निष्कर्ष"])

    /// The rest of `line` after a desk or kicker label of up to three words and a colon or
    /// dash (`नेशनल डेस्क: ...`, `Breaking News : ...` before Devanagari text); nil when the
    /// line does not open with one.
    static func afterDeskLabel(_ line: String) -> String? {
        let head = line.prefix(80)
        // A colon, or a dash with a space after it (not the one of `Covid-19`).
        guard let mark = head.indices.first(where: { index in
            let character = head[index]
            guard character == ":" || character == "–" || character == "—" || character == "-" else { return false }
            let next = head.index(after: index)
            return character == ":" || next == head.endIndex || head[next] == " "
        }) else { return nil }
        let label = head[..<mark].trimmingCharacters(in: .whitespaces)
        let rest = line[line.index(after: mark)...].trimmingCharacters(in: .whitespaces)
        // `स्टाफ रिपोर्टर, एएनएम न्यूज़ :`: a desk's words may be listed with commas.
        let words = label.split(separator: " ").map { String($0.hasSuffix(",") ? $0.dropLast() : $0) }
        guard (1...5).contains(words.count), !rest.isEmpty, words.allSatisfy(isLetters) else { return nil }
        let desk = words.contains { deskWords.contains($0) } || (words.count <= 3 && isMostlyLatin(label) && !isMostlyLatin(rest))
        return desk ? rest : nil
    }

    /// The place before a desk's label (`मुंबई, डिजिटल डेस्क: ...`): the label's first part
    /// before a comma, of one or two words none of which is a desk's; nil otherwise.
    static func placeBeforeDesk(_ line: String) -> String? {
        guard afterDeskLabel(line) != nil, let mark = line.prefix(80).firstIndex(where: { $0 == ":" || $0 == "–" || $0 == "—" || $0 == "-" }) else { return nil }
        let parts = line[..<mark].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count >= 2, let place = parts.first, looksLikePlace(place) else { return nil }
        return place
    }

    /// Bracketed words after a dateline that name no outlet.
    static let genericAgencies: Set<String> = [
        "एजेंसी", "एजेंसियां", "एजेंसियाँ", "ब्यूरो", "संवाददाता", "डेस्क", "agency", "agencies", "bureau", "desk", "correspondent",
    ]

    static func isWeekday(_ word: String) -> Bool {
        let bare = word.trimmingCharacters(in: CharacterSet(charactersIn: ",.")).lowercased()
        return weekdays.contains(bare)
    }

    private static let weekdays: Set<String> = [
        "सोमवार", "मंगलवार", "बुधवार", "गुरुवार", "बृहस्पतिवार", "शुक्रवार", "शनिवार", "रविवार",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    ]

    /// Whether `text` is mostly Latin letters.
    static func isMostlyLatin(_ text: String) -> Bool {
        var latin = 0, other = 0
        for scalar in text.unicodeScalars where scalar.properties.isAlphabetic {
            if scalar.isASCII { latin += 1 } else { other += 1 }
        }
        return latin > 0 && latin > other * 2
    }

    /// Whether the Latin `agency` is `place` written again in Latin letters (`पलामू (PALAMU)`).
    static func spellsPlace(_ agency: String, _ place: String) -> Bool {
        guard isMostlyLatin(agency), !isMostlyLatin(place) else { return false }
        // Consonants only, doubled ones once: `New Delhi` and `nai dilli` both give `ndl`.
        func skeleton(_ text: String) -> String {
            var result = ""
            for letter in Transliteration.ascii(text).lowercased() where letter.isLetter && !"aeiouyhw".contains(letter) && result.last != letter {
                result.append(letter)
            }
            return result
        }
        let a = skeleton(agency), b = skeleton(place)
        return !a.isEmpty && a == b
    }

    /// Characters of a line the pattern reads: far more than place, region, date and agency take.
    static let headLength = 400

    // One to three words, letters and marks (hyphens inside).
    private static let words = "[\\p{L}\\p{M}]+(?:-[\\p{L}\\p{M}]+)*(?:[ \\t\\u00A0]+[\\p{L}\\p{M}]+(?:-[\\p{L}\\p{M}]+)*){0,2}"
    private static let dateToken = "[0-9०-९]{1,2}\\s+[\\p{L}\\p{M}]+(?:,?\\s+[0-9०-९]{4})?|[0-9०-९]{1,2}[/.\\-][0-9०-९]{1,2}[/.\\-][0-9०-९]{4}"
        + "|(?i:\(HindiDate.monthAlternation))\\.?\\s+[0-9०-९]{1,2}(?:,?\\s+[0-9०-९]{4})?"
    /// A month and a day after the place (`मॉस्को, दिसम्बर 27`) are the date, not a region.
    private static let notMonthDay = "(?!(?i:\(HindiDate.monthAlternation))\\.?\\s+[0-9०-९])"
    private static let pattern = try! NSRegularExpression(pattern:
        "^(?<place>\(words))"
        + "(?:\\s*,\\s*\(notMonthDay)(?<region>\(words)))?"
        + "(?:\\s*,?\\s*(?<date>\(dateToken)))?"
        + "(?:\\s*\\((?<agency>[^()]{1,40})\\))?"
        + "\\s*(?<separator>[।|:–—]|--?(?=\\s|$))?"
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
