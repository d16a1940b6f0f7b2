import Foundation

/// Why a line of a raw page is not part of the article. Every line the import leaves out
/// carries one; `dossier import --dry-run --explain` prints them.
public enum DropReason: Sendable, Hashable, CustomStringConvertible {
    /// A rule of `import-rules.yml` (`section` is `drop`, `cut`, `captions`, ...), written at
    /// `file:line`; `follows` when the line is one of the `next: N` lines after the match.
    case rule(section: String, file: String, line: Int, follows: Bool)
    /// After the cut-off line at `line` of the raw page (a `cut:` rule or an author box).
    case afterCut(line: Int)
    /// The same line is on `pages` of the `of` pages of this outlet (`host`) the import saw.
    case repeatedOnOutlet(host: String, pages: Int, of: Int)
    /// The page prints the paragraph again at raw line `keptAt`, where it is kept.
    case repeatedOnPage(keptAt: Int)
    /// Mostly Latin letters in a page of another script: a menu item, a button, an ad marker.
    case latinInterface
    /// Share buttons and social network names (`Facebook Twitter WhatsApp`).
    case shareButtons
    /// A date or time with at most a label (`Updated on: 12 Mar 2024, 10:30 AM IST`).
    case timestamp
    /// An author or reporter line (`By ...`, `रिपोर्ट: ...`, `नाम | शहर`).
    case byline
    /// A photo, video or image credit (`फोटो: ...`, `Image Source: ...`).
    case credit
    /// A breadcrumb or menu: short items between separators (`होम / दुनिया / एशिया`).
    case navigation
    /// The heading of a box that is not the article (`ये भी पढ़ें`, `लेखक के बारे में`,
    /// `Trending`), or a "read this too" teaser with its linked headline.
    case boxHeading
    /// A call to do something on the site: subscribe, download the app, follow, click.
    case callToAction
    /// Mostly link text (`[...](...)` or `<a ...>` markup in the raw page).
    case linkList
    /// An advertisement marker (`विज्ञापन`, `Advertisement`, `COMMERCIAL BREAK`).
    case advertisement
    /// A short label ending in a colon or dash (`Edited By:`, `ताज़ा खबर -`), or a section
    /// name above the headline (`दुनिया`).
    case label
    /// A headline-like line (short, no sentence end) among other headline-like lines
    /// outside the text: a list of other stories.
    case teaserList
    /// A short line that is not a sentence, with no article text on both sides of it.
    case shortNotText
    /// A line of words with too few function words (`के`, `में`, `ने`, `है`) to be running
    /// text: a tag bar, a list of names. `density` is their share of the words.
    case lowFunctionWords(density: Double)
    /// A one-sentence line between lines that are not the article.
    case sentenceOutsideText
    /// A line above the headline that is not a label or a date (another story's headline).
    case aboveHeadline
    /// A whole line in brackets: a note about the story, not part of it (`(इनपुट: भाषा)`,
    /// `(इस खबर को ... टीम ने संपादित नहीं किया है ...)`, `[Disclaimer: ...]`).
    case editorNote

    public var description: String {
        switch self {
        case .rule(let section, let file, let line, let follows):
            return (follows ? "follows a line dropped by " : "") + "rule \(section): at \(file):\(line)"
        case .afterCut(let line): return "after the end of the article at line \(line)"
        case .repeatedOnOutlet(let host, let pages, let of): return "repeated on outlet \(host) (on \(pages) of its \(of) pages)"
        case .repeatedOnPage(let keptAt): return "repeated on the page (kept at line \(keptAt))"
        case .latinInterface: return "Latin-script interface string"
        case .shareButtons: return "share buttons"
        case .timestamp: return "timestamp"
        case .byline: return "byline"
        case .credit: return "photo or video credit"
        case .navigation: return "navigation (breadcrumb or menu)"
        case .boxHeading: return "box heading or teaser (not the article)"
        case .callToAction: return "call to action"
        case .linkList: return "link list"
        case .advertisement: return "advertisement marker"
        case .label: return "label"
        case .teaserList: return "list of headlines (other stories)"
        case .shortNotText: return "short, not text"
        case .lowFunctionWords(let density):
            return "low function-word density (\(Int((density * 100).rounded()))%)"
        case .sentenceOutsideText: return "sentence outside the article text"
        case .aboveHeadline: return "above the headline"
        case .editorNote: return "note in brackets"
        }
    }

    /// A short name of the kind, for counting (`rule`, `timestamp`, ...).
    public var kind: String {
        switch self {
        case .rule: return "rule"
        case .afterCut: return "after-cut"
        case .repeatedOnOutlet: return "repeated-on-outlet"
        case .repeatedOnPage: return "repeated-on-page"
        case .latinInterface: return "latin-interface"
        case .shareButtons: return "share-buttons"
        case .timestamp: return "timestamp"
        case .byline: return "byline"
        case .credit: return "credit"
        case .navigation: return "navigation"
        case .boxHeading: return "box-heading"
        case .callToAction: return "call-to-action"
        case .linkList: return "link-list"
        case .advertisement: return "advertisement"
        case .label: return "label"
        case .teaserList: return "teaser-list"
        case .shortNotText: return "short-not-text"
        case .lowFunctionWords: return "low-function-words"
        case .sentenceOutsideText: return "sentence-outside-text"
        case .aboveHeadline: return "above-headline"
        case .editorNote: return "editor-note"
        }
    }
}

/// What became of one non-blank line of a raw page.
public struct LineDecision: Sendable, Hashable {
    public enum Fate: Sendable, Hashable {
        /// Taken as the title.
        case title
        /// Read for the date (a date line above the text); not in the body.
        case date
        /// The dateline: place, date, agency; `restIsBody` when the line goes on with the text.
        case dateline(restIsBody: Bool)
        /// A paragraph of the body.
        case body
        case dropped(DropReason)
    }

    /// Line number in the raw file.
    public var line: Int
    /// Trimmed, NFC, runs of white space as one space.
    public var text: String
    public var fate: Fate

    public var reason: DropReason? {
        if case .dropped(let reason) = fate { return reason }
        return nil
    }
}

/// What the text of one line shows, measured once: the evidence the boilerplate classifier
/// decides by. Lines are normalised (NFC, one space between words).
public struct LineEvidence: Sendable, Hashable {
    /// Words (runs between spaces); counted to `wordLimit` + 1 at most.
    public var words: Int
    /// Of the words read (the first `wordLimit`), how many are function words of the language.
    public var functionWords: Int
    /// Words read for the densities (at most `wordLimit`).
    public var wordsRead: Int
    /// Letters in Devanagari and in Latin script, and digits, in the words read.
    public var devanagari: Int
    public var latin: Int
    public var digits: Int
    /// Characters of the line inside link markup, and characters read.
    public var linkCharacters: Int
    public var characters: Int
    /// Ends as a sentence ends (`।`, `.`, `?`, `!`, `|`, perhaps before a closing quote).
    public var endsSentence: Bool

    /// Share of function words among the words read.
    public var functionWordDensity: Double { wordsRead == 0 ? 0 : Double(functionWords) / Double(wordsRead) }
    /// Share of Latin among Latin and Devanagari letters.
    public var latinShare: Double { latin + devanagari == 0 ? 0 : Double(latin) / Double(latin + devanagari) }
    /// Share of the line's characters that are link text.
    public var linkDensity: Double { characters == 0 ? 0 : Double(linkCharacters) / Double(characters) }

    /// How many words are read for the densities: a long paragraph is text after its first
    /// few hundred words, and the evidence of a 50 MB line is gathered in constant time.
    static let wordLimit = 300

    public init(_ line: String, language: String = "hi") {
        words = RawPageCleaner.words(line, upTo: LineEvidence.wordLimit)
        endsSentence = RawPageCleaner.endsSentence(line)
        let list = FunctionWords.list(for: language)
        var functionWords = 0, wordsRead = 0, devanagari = 0, latin = 0, digits = 0
        var characters = 0
        for token in line.split(separator: " ", maxSplits: LineEvidence.wordLimit, omittingEmptySubsequences: true).prefix(LineEvidence.wordLimit) {
            wordsRead += 1
            for scalar in token.unicodeScalars {
                characters += 1
                let value = scalar.value
                if (0x966...0x96F).contains(value) || (0x30...0x39).contains(value) {
                    digits += 1
                } else if (0x900...0x97F).contains(value) {
                    devanagari += 1
                } else if (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) || (0xC0...0x24F).contains(value) {
                    latin += 1
                }
            }
            if let list, list.contains(FunctionWords.bare(token)) { functionWords += 1 }
        }
        self.functionWords = functionWords
        self.wordsRead = wordsRead
        self.devanagari = devanagari
        self.latin = latin
        self.digits = digits
        self.characters = characters + max(0, wordsRead - 1)
        self.linkCharacters = LineEvidence.linkText(in: line.utf8.count <= RawPageCleaner.longestRuleLine ? line : "")
    }

    /// Characters of link text in Markdown (`[text](url)`) or HTML (`<a ...>text</a>`) link
    /// markup, counting the markup itself: a line that is all links is all link.
    static func linkText(in line: String) -> Int {
        guard line.contains("](") || line.contains("<a ") || line.contains("<A ") else { return 0 }
        let range = NSRange(location: 0, length: (line as NSString).length)
        var total = 0
        for match in linkPattern.matches(in: line, range: range) {
            total += (line as NSString).substring(with: match.range).unicodeScalars.count
        }
        return total
    }

    private static let linkPattern = try! NSRegularExpression(pattern: "\\[[^\\]]*\\]\\([^)\\s]*\\)|<a\\s[^>]*>.*?</a>", options: [.caseInsensitive])
}

/// Function words (stop words, in jusText's terms) by language: the closed-class words whose
/// share of a line tells running text (about a third of the words of a Hindi news sentence)
/// from labels, tag bars and lists of names (none or almost none).
///
/// The Hindi list is not guessed from nothing and not tuned to pages: it is the grammatical
/// closed class (postpositions, auxiliary and light verbs, pronouns, conjunctions,
/// particles) taken from `CommonWords` (Zipf frequency >= 4.5 in the `wordfreq` package's
/// Hindi data, see scripts/common-words.py); a test checks that every word is in it.
/// Measured on the five seed pages: article lines have 0.18 to 0.57 of their words in this
/// list (most above 0.3), their navigation, labels and sign-offs 0 to 0.12; a tag bar of names has at most one (`उन` of `किम जोंग उन`) in ten.
public enum FunctionWords {
    public static let hindi: Set<String> = Set("""
        का की के को में से पर ने तक लिए साथ द्वारा बारे बाद पहले बीच दौरान अनुसार तरफ ओर प्रति बिना
        है हैं था थे थी थीं हो होगा होगी होंगे होने होता होती होते हुआ हुई हुए रहा रही रहे गया गई गए गयी
        करने किया कर करते करता करती किए कहा
        यह ये वह वे इस उस इन उन इसे उसे उन्हें इन्हें उन्होंने इन्होंने उनके उनकी उनका इसके इसकी इसका उसके
        उसकी उसका अपने अपनी अपना जो जिस जिसे जिन जिसके जिसकी कोई कुछ सभी सब हम मैं आप वहीं यहां वहां
        यहाँ वहाँ और व एवं तथा या लेकिन परंतु किंतु मगर कि तो भी ही न नहीं ना जब तब अगर यदि क्योंकि इसलिए
        जैसे एक
        """.split(whereSeparator: \.isWhitespace).map(String.init))

    /// The list for a language (`hi`), nil when there is none: the densities then say nothing.
    public static func list(for language: String) -> Set<String>? {
        language == "hi" ? hindi : nil
    }

    /// A token without the punctuation around it (`"कहा,` → `कहा`).
    static func bare(_ token: Substring) -> String {
        let scalars = token.unicodeScalars
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end, isPunctuation(scalars[start]) { start = scalars.index(after: start) }
        while end > start, isPunctuation(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        return String(String.UnicodeScalarView(scalars[start..<end]))
    }

    private static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value == 0x964 || scalar.value == 0x965 { return true }  // । ॥
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
             .finalPunctuation, .otherPunctuation, .mathSymbol, .otherSymbol, .currencySymbol, .modifierSymbol:
            return true
        default:
            return false
        }
    }
}
