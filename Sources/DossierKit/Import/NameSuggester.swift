import Foundation

/// A name in the articles that the registry lacks, found by a cue in the text.
public struct NameSuggestion: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// After a title or role: `रक्षा मंत्री X`, `श्री X`.
        case person
        /// After `राजधानी`, before `शहर`, `क्षेत्र`, `की यात्रा`, `में हुई`, `पहुंचे`; a
        /// dateline; a meeting's or an article's `place:` that names no registered place.
        case place
        /// Written in Latin letters (`Choe Son Hui`, `SRK`).
        case name
    }

    public var text: String
    public var kind: Kind
    /// Occurrences as a whole word, outside registered names, in titles, bodies and `place:`.
    public var count: Int
    /// Ids of the articles it occurs in, in order.
    public var articles: [String]
    /// Ids of the meetings whose `place:` it is (places only).
    public var meetings: [String] = []
    /// The text that pointed at it, e.g. `राजधानी प्योंगयांग`.
    public var cue: String
    /// Where the cue is.
    public var file: String
    public var line: Int
}

/// Lists candidate people and places the registry lacks, from simple cues in the articles
/// (titles and roles before a name, place words around one, datelines, Latin-script names)
/// and the `place:` of meetings and articles that names no registered place, with counts
/// and where they occur: a researcher's to-do list for the registry (`report` proposes the
/// places as places.yml entries, `PlaceProposal`; nothing is written).
public enum NameSuggester {
    /// Words after which a person's name comes (`रक्षा मंत्री X` is found by `मंत्री`).
    static let personCues: Set<String> = [
        "राष्ट्रपति", "उपराष्ट्रपति", "प्रधानमंत्री", "मंत्री", "श्री", "श्रीमती", "सुश्री", "नेता", "सचिव", "महासचिव",
        "चेयरमैन", "अध्यक्ष", "प्रवक्ता", "राजदूत", "जनरल", "मार्शल", "कमांडर", "तानाशाह", "समकक्ष", "सांसद",
        "डॉ", "मिस्टर", "राजा", "कर्नल", "एडमिरल", "निदेशक", "उपमंत्री",
    ].reduce(into: Set<String>()) { $0.insert(TextNormalization.nfc($1)) }
    /// Words after which a place name comes.
    static let placeCuesBefore: Set<String> = ["राजधानी", "शहर"]
    /// Words just after a place name (`प्योंगयांग पहुंचा`, `कुर्स्क क्षेत्र`, `ओटावा शहर`),
    /// and pairs after it (`प्योंगयांग की यात्रा`, `ओटावा में हुई`, `सोल में आयोजित`).
    static let placeCuesAfter: Set<String> = ["पहुंचे", "पहुंचा", "पहुंची", "पहुंचीं", "पहुँचे", "पहुँचा", "पहुँची", "क्षेत्र", "प्रांत", "शहर"]
    static let placeCuePairsAfter: Set<[String]> = [["की", "यात्रा"], ["की", "राजधानी"], ["में", "हुई"], ["में", "हुआ"], ["में", "हुए"],
                                                    ["में", "आयोजित"]]
    /// Nouns that come before those cues without being places: what happens (`बैठक में
    /// हुई`), when (`ऐसे समय में हुई`), a field (`रक्षा क्षेत्र`: defence sector), a direction
    /// (`पूर्वी क्षेत्र`).
    static let notPlaces: Set<String> = [
        "समय", "वक्त", "दिन", "दिनों", "साल", "वर्ष", "महीने", "हफ्ते", "सप्ताह", "दौर", "माहौल", "अवधि", "इतिहास",
        "बैठक", "वार्ता", "बातचीत", "मुलाकात", "चर्चा", "सम्मेलन", "शिखर", "समारोह", "कार्यक्रम", "घटना", "हादसे", "हादसा",
        "दुर्घटना", "हमले", "हमला", "युद्ध", "जंग", "लड़ाई", "संघर्ष", "चुनाव", "मतदान", "सत्र", "समझौते", "दौरे", "यात्रा",
        "रक्षा", "सुरक्षा", "व्यापार", "ऊर्जा", "विज्ञान", "प्रौद्योगिकी", "उद्योग", "शिक्षा", "स्वास्थ्य", "कृषि", "आर्थिक",
        "सैन्य", "सीमा", "सीमावर्ती", "तटीय", "ग्रामीण", "शहरी", "पूर्वी", "पश्चिमी", "उत्तरी", "दक्षिणी", "मध्य", "पूरे", "किसी",
        "हर", "प्रभावित", "विवादित", "कब्जे", "आसपास", "वहां", "वहाँ", "यहां", "यहाँ", "देश", "दुनिया",
    ]
    /// Function words and common verbs: never part of a name.
    static let stopWords: Set<String> = [
        "ने", "से", "को", "का", "की", "के", "में", "पर", "और", "या", "तथा", "एवं", "व", "भी", "ही", "तो", "है", "हैं", "था",
        "थे", "थी", "थीं", "हो", "होगा", "होंगे", "रहा", "रहे", "रही", "किया", "किए", "कहा", "गया", "गए", "गई", "एक", "यह",
        "वह", "ये", "वे", "इस", "उस", "इन", "उन", "जो", "कि", "जब", "तक", "साथ", "लिए", "बाद", "पहले", "द्वारा", "बीच", "ओर",
        "नहीं", "न", "सभी", "कई", "कुछ", "अपने", "अपनी", "अपना", "उनके", "उनकी", "उनका", "इसके", "इसकी", "उसके", "उसकी",
        "रूप", "बताया", "दिया", "दी", "दिए", "हुए", "हुई", "हुआ", "करने", "करते", "करता", "कर", "पूर्व", "नए", "नई", "नया",
        "सोमवार", "मंगलवार", "बुधवार", "गुरुवार", "बृहस्पतिवार", "शुक्रवार", "शनिवार", "रविवार", "आज", "कल", "जहां", "जहाँ",
    ]

    public static func suggest(_ content: Content) -> [NameSuggestion] {
        let registryMatcher = AliasMatcher(registry: content.registry)
        let texts = content.articles.map { ArticleText($0) }

        // 1. Candidates, from cues.
        typealias Origin = (kind: NameSuggestion.Kind, cue: String, file: String, line: Int)
        var raw: [(name: String, origin: Origin)] = []
        func add(_ name: String, _ kind: NameSuggestion.Kind, cue: String, file: String, line: Int) {
            let clean = TextNormalization.collapsingWhitespace(name)
            if clean.count > 1 { raw.append((clean, (kind, cue, file, line))) }
        }
        /// A `place:` that names no registered place or other name, written like a name.
        func isUnregisteredPlace(_ value: String) -> Bool {
            let text = TextNormalization.nfc(value)
            guard content.registry.place(named: text) == nil, NameSuggester.readsLikeAPlaceName(text) else { return false }
            return !registryMatcher.matches(in: text).contains { $0.start == 0 && Int($0.end) == text.utf8.count }
        }
        for meeting in content.registry.entities where meeting.kind == .meeting {
            if let place = meeting.place, isUnregisteredPlace(place) {
                add(TextNormalization.nfc(place), .place, cue: "place: \(place)", file: meeting.file, line: meeting.line)
            }
        }
        for (article, text) in zip(content.articles, texts) {
            if let place = article.place, isUnregisteredPlace(place) {
                add(TextNormalization.nfc(place), .place, cue: "place: \(place)", file: article.file, line: article.keyLines["place"] ?? 1)
            }
            // A dateline left at the start of the body (`सियोल, 2 नवंबर (आईएएनएस)। ...`).
            if let first = text.lines.dropFirst().first, let dateline = Dateline.parse(first.text, opening: true),
               isUnregisteredPlace(dateline.place) {
                add(dateline.place, .place, cue: "dateline \(dateline.place)", file: article.file, line: first.number)
            }
            for line in text.lines {
                let words = Words(line.text, registry: registryMatcher)
                for segment in words.segments {
                    cues(in: segment, words: words) { name, kind, cue in
                        add(name, kind, cue: cue, file: article.file, line: line.number)
                    }
                }
                for latin in latinNames(line.text) where !words.isRegistered(latin.range) {
                    add(latin.text, .name, cue: latin.text, file: article.file, line: line.number)
                }
            }
        }
        let shortened = shortenedPersonNames(raw.filter { $0.origin.kind == .person }.map(\.name))
        var found: [String: Origin] = [:]
        for (name, origin) in raw {
            let final = origin.kind == .person ? shortened[name] ?? name : name
            if found[final] == nil { found[final] = origin }
        }
        guard !found.isEmpty else { return [] }

        // 2. Count every whole-word occurrence outside registered names.
        let names = found.keys.sorted()
        let position = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        let candidateMatcher = AliasMatcher(aliases: names.enumerated().map { AliasMatcher.Alias(text: AliasMatcher.foldASCII($1), entities: [EntityIndex($0)]) })
        var counts = [Int](repeating: 0, count: names.count)
        var articlesOf = [[String]](repeating: [], count: names.count)
        func occur(_ index: Int, in article: Article) {
            counts[index] += 1
            if articlesOf[index].last != article.id { articlesOf[index].append(article.id) }
        }
        for (article, text) in zip(content.articles, texts) {
            for line in text.lines {
                let registered = registryMatcher.matches(in: line.text)
                for match in candidateMatcher.matches(in: line.text)
                    where !registered.contains(where: { $0.start < match.end && match.start < $0.end }) {
                    occur(Int(candidateMatcher.aliases[Int(match.alias)].entities[0]), in: article)
                }
            }
            if let place = article.place, let index = position[TextNormalization.nfc(place)] {
                occur(index, in: article)
            }
        }
        var meetingsOf = [[String]](repeating: [], count: names.count)
        for meeting in content.registry.entities where meeting.kind == .meeting {
            if let place = meeting.place, let index = position[TextNormalization.nfc(place)] {
                counts[index] += 1
                meetingsOf[index].append(meeting.id)
            }
        }
        return names.enumerated().compactMap { index, name -> NameSuggestion? in
            guard counts[index] > 0, let origin = found[name] else { return nil }
            var suggestion = NameSuggestion(text: name, kind: origin.kind, count: counts[index], articles: articlesOf[index],
                                            cue: origin.cue, file: origin.file, line: origin.line)
            if origin.kind == .place { suggestion.meetings = meetingsOf[index] }
            return suggestion
        }.sorted { a, b in
            a.count != b.count ? a.count > b.count : (a.kind.rawValue, a.text) < (b.kind.rawValue, b.text)
        }
    }

    /// The report `dossier check --suggest` prints.
    public static func report(_ content: Content) -> String {
        let suggestions = suggest(content)
        guard !suggestions.isEmpty else {
            return "No unregistered names found by the cues (roles before names, place words, datelines and place: values, Latin-script names)."
        }
        var lines = ["Names the registry lacks (\(suggestions.count) candidates; add the real ones to content/entities/ with their spellings as aliases):"]
        for suggestion in suggestions {
            // Count and kind first: Devanagari names have no fixed width to align on.
            let count = String(suggestion.count) + "×"
            let kind = suggestion.kind.rawValue + String(repeating: " ", count: 6 - suggestion.kind.rawValue.count)
            let articles = suggestion.articles.count == 1 ? "1 article" : "\(suggestion.articles.count) articles"
            lines.append("  " + String(repeating: " ", count: max(0, 4 - count.count)) + count + "  \(kind)  \(suggestion.text)"
                         + "  (cue \"\(suggestion.cue)\" at \(suggestion.file):\(suggestion.line))")
            if !suggestion.articles.isEmpty {
                lines.append("              in \(articles): \(suggestion.articles.joined(separator: ", "))")
            }
            if !suggestion.meetings.isEmpty {
                lines.append("              place of \(suggestion.meetings.count == 1 ? "meeting" : "meetings") \(suggestion.meetings.joined(separator: ", "))")
            }
        }
        let places = PlaceProposal.yaml(for: suggestions, registry: content.registry)
        if !places.isEmpty {
            lines.append("")
            lines.append("Proposed for content/entities/\(EntityKind.place.registryFile) (nothing was written: keep the real places, "
                         + "give each its country id and its lat and lon in decimal degrees, north and east positive, then add them):")
            lines.append(places)
        }
        return lines.joined(separator: "\n")
    }

    /// A `place:` value that can be a place's name: Devanagari, or Latin words that each
    /// start with a capital (`Vladivostok`, `New Delhi`; not `By telephone`), five at most.
    static func readsLikeAPlaceName(_ text: String) -> Bool {
        let words = text.split { $0 == " " || $0 == "-" }
        guard !words.isEmpty, words.count <= 5, !words.contains(where: { stopWords.contains(String($0)) }) else { return false }
        if text.unicodeScalars.contains(where: { (0x900...0x97F).contains($0.value) }) { return true }
        return words.allSatisfy { word in
            guard let first = word.unicodeScalars.first else { return false }
            return first.properties.isUppercase || ["of", "de", "da", "del", "la", "le", "am", "on", "upon"].contains(word)
        }
    }

    /// A name after a role takes up to three words, so it may run on (`चोए सोन-हुई मॉस्को`):
    /// where another candidate is a shorter form of it, or several share their first two
    /// words, the shorter form is taken.
    static func shortenedPersonNames(_ names: [String]) -> [String: String] {
        let words = Dictionary(names.map { ($0, $0.split(separator: " ").map(String.init)) }, uniquingKeysWith: { a, _ in a })
        var result: [String: String] = [:]
        for (name, tokens) in words {
            let prefixes = words.values.filter { $0.count >= 2 && $0.count < tokens.count && Array(tokens.prefix($0.count)) == $0 }
            if let shortest = prefixes.min(by: { $0.count < $1.count }) {
                result[name] = shortest.joined(separator: " ")
            } else if tokens.count == 3,
                      words.values.contains(where: { $0.count == 3 && $0 != tokens && $0.prefix(2) == tokens.prefix(2) }) {
                result[name] = tokens.prefix(2).joined(separator: " ")
            }
        }
        return result
    }

    // MARK: - Cues

    /// Runs the cues over one segment (words between punctuation).
    static func cues(in segment: Range<Int>, words: Words,
                     found: (String, NameSuggestion.Kind, String) -> Void) {
        let tokens = words.tokens
        for position in segment {
            let word = tokens[position].text
            if personCues.contains(word) || placeCuesBefore.contains(word) {
                var end = position + 1
                let limit = placeCuesBefore.contains(word) ? 2 : 3
                while end < segment.upperBound, end - position - 1 < limit, isNameWord(tokens[end].text),
                      end == position + 1 || !words.isRegistered(end) { end += 1 }
                // `शहर` is a cue both ways: a word after it that is no name leaves the one before.
                if end > position + 1, !words.isRegistered(position + 1) {
                    let name = tokens[(position + 1)..<end].map(\.text).joined(separator: " ")
                    let kind: NameSuggestion.Kind = placeCuesBefore.contains(word) ? .place : .person
                    found(name, kind, word + " " + name)
                }
            }
            guard position > segment.lowerBound else { continue }
            let before = position - 1
            let isAfterCue = placeCuesAfter.contains(word)
                || (position + 1 < segment.upperBound && placeCuePairsAfter.contains([word, tokens[position + 1].text]))
            if isAfterCue, isNameWord(tokens[before].text), !notPlaces.contains(tokens[before].text), !words.isRegistered(before) {
                let cue = position + 1 < segment.upperBound && !placeCuesAfter.contains(word)
                    ? "\(tokens[before].text) \(word) \(tokens[position + 1].text)" : "\(tokens[before].text) \(word)"
                found(tokens[before].text, .place, cue)
            }
        }
    }

    /// A word that can be (part of) a name: letters, not a function word or a cue.
    static func isNameWord(_ word: String) -> Bool {
        guard let first = word.unicodeScalars.first, first.properties.isAlphabetic else { return false }
        return !stopWords.contains(word) && !personCues.contains(word) && !placeCuesBefore.contains(word)
            && !placeCuesAfter.contains(word)
    }

    /// Runs of capitalised Latin words (`Choe Son Hui`) and acronyms (`SRK`).
    static func latinNames(_ text: String) -> [(text: String, range: Range<Int>)] {
        let whole = NSRange(location: 0, length: (text as NSString).length)
        return latinPattern.matches(in: text, range: whole).compactMap { match in
            guard let range = Range(match.range, in: text) else { return nil }
            let start = text.utf8.distance(from: text.startIndex, to: range.lowerBound)
            let end = text.utf8.distance(from: text.startIndex, to: range.upperBound)
            return (String(text[range]), start..<end)
        }
    }

    private static let latinPattern = try! NSRegularExpression(
        pattern: "(?<![\\p{L}\\p{M}])(?:[A-Z][a-z]+(?:(?: [A-Z]|-[A-Za-z])[a-z]+)+|[A-Z]{2,6})(?![\\p{L}\\p{M}])")
}

/// An article's title and body as plain text lines (annotation links unwrapped), each
/// with its line in the file.
struct ArticleText {
    struct Line { var text: String; var number: Int }
    var lines: [Line] = []

    init(_ article: Article) {
        lines.append(Line(text: TextNormalization.nfc(article.title), number: article.keyLines["title"] ?? 2))
        for (offset, line) in article.body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let text = ArticleText.plain(String(line))
            if !text.isEmpty { lines.append(Line(text: TextNormalization.nfc(text), number: article.bodyLine + offset)) }
        }
    }

    private static let link = try! NSRegularExpression(pattern: "\\[([^\\]]*)\\]\\([^)]*\\)")
    private static let escape = try! NSRegularExpression(pattern: "\\\\([\\\\`*_\\[\\]<>&~#+\\-=|.)])")

    /// `[text](kind:id)` → `text`, and Markdown escapes undone.
    static func plain(_ line: String) -> String {
        let whole = NSRange(location: 0, length: (line as NSString).length)
        let unlinked = link.stringByReplacingMatches(in: line, range: whole, withTemplate: "$1")
        return escape.stringByReplacingMatches(in: unlinked, range: NSRange(location: 0, length: (unlinked as NSString).length),
                                               withTemplate: "$1")
    }
}

/// The words of a line, with UTF-8 offsets, split into segments at punctuation, and which
/// of them lie inside a registered name.
struct Words {
    struct Token { var text: String; var range: Range<Int> }
    var tokens: [Token] = []
    var segments: [Range<Int>] = []
    private var registered: [Range<Int>] = []

    private static let word = try! NSRegularExpression(pattern: "[\\p{L}\\p{M}\\p{N}]+(?:-[\\p{L}\\p{M}\\p{N}]+)*")

    init(_ text: String, registry: AliasMatcher) {
        registered = registry.matches(in: text).map { $0.start..<$0.end }
        let whole = NSRange(location: 0, length: (text as NSString).length)
        var segmentStart = 0
        var previousEnd: String.Index?
        for match in Words.word.matches(in: text, range: whole) {
            guard let range = Range(match.range, in: text) else { continue }
            if let previousEnd, !text[previousEnd..<range.lowerBound].allSatisfy({ $0 == " " }) {
                segments.append(segmentStart..<tokens.count)
                segmentStart = tokens.count
            }
            let start = text.utf8.distance(from: text.startIndex, to: range.lowerBound)
            let end = text.utf8.distance(from: text.startIndex, to: range.upperBound)
            tokens.append(Token(text: String(text[range]), range: start..<end))
            previousEnd = range.upperBound
        }
        if segmentStart < tokens.count { segments.append(segmentStart..<tokens.count) }
    }

    /// Whether token `index` lies inside a registered alias.
    func isRegistered(_ index: Int) -> Bool { isRegistered(tokens[index].range) }

    func isRegistered(_ range: Range<Int>) -> Bool {
        registered.contains { $0.lowerBound < range.upperBound && range.lowerBound < $0.upperBound }
    }
}
