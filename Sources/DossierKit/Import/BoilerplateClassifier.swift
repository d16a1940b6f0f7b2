import Foundation

/// Decides, without rules for the outlet, which lines of a raw page are the article's text.
///
/// It follows jusText (Pomikálek, 2011), made to work on Devanagari and on lines rather than
/// HTML blocks:
///
/// 1. **Furniture by shape.** Some lines say what they are whatever is around them: a
///    timestamp (a date or time with at most a label), share buttons, a byline, a photo
///    credit, a breadcrumb, an advertisement marker, the heading of a "read this too" or
///    "related" box, a call to subscribe or follow, a line of links, and, in a Hindi page,
///    a line mostly in Latin script (menus, buttons, English kickers). These are dropped
///    wherever they are ("bad" in jusText's terms, with the reason).
/// 2. **Classes by length and function words.** The others get jusText's classes from their
///    length in words, the share of function words (`FunctionWords`: `के`, `में`, `ने`, `है`,
///    ...), and, which jusText lacks and Hindi news gives, whether they end as sentences do
///    (`।`, `.`): *good* (a sentence of ten words or more, a fifth of them function words),
///    *near-good* (a shorter sentence, or fewer function words), *short* (a few words, or a
///    headline-like line with no sentence end), *bad* (six words or more with almost no
///    function words: a tag bar, a list of names).
/// 3. **Context.** jusText's neighbour rule: a short line is kept only between good lines
///    (a subheading in the text), dropped at the text's edges and between bad lines (another
///    story's headline, a label); a near-good line is kept next to good text and dropped
///    between lines that are not. A box heading takes the lines under it until the next
///    good line; an author box or comment section after the text ends the article.
///
/// The thresholds were set from what news text is (a Hindi news sentence has about a third
/// of its words in the function-word list), not fitted to any outlet's pages.
struct BoilerplateClassifier: Sendable {
    /// jusText's classes; `bad` carries why.
    enum LineClass: Sendable, Hashable {
        case good, nearGood, short
        case bad(DropReason)
    }

    let language: String

    init(language: String = "hi") { self.language = language }

    // MARK: - Thresholds

    /// A good line: a sentence of at least this many words...
    static let goodWords = 10
    /// ... with at least this share of function words.
    static let goodDensity = 0.20
    /// Below this share, a line of `lowDensityWords` words or more is not running text.
    static let lowDensity = 0.12
    static let lowDensityWords = 6
    /// A line without a sentence end shorter than this is headline-like (short).
    static let headlineLikeWords = 20
    /// Lines longer than this (in words) are never furniture by shape: they are read for
    /// their densities only.
    static let shapeWords = 30

    // MARK: - One line

    /// What the line alone looks like: its class, and the evidence.
    func classify(_ line: String) -> LineClass {
        let evidence = LineEvidence(line, language: language)
        if let reason = furniture(line, evidence: evidence) { return .bad(reason) }
        return textClass(evidence)
    }

    /// The class by length, function words and sentence end (step 2), for a line that is not
    /// furniture by shape.
    func textClass(_ evidence: LineEvidence) -> LineClass {
        let hasList = FunctionWords.list(for: language) != nil
        let density = evidence.functionWordDensity
        if hasList && evidence.words >= BoilerplateClassifier.lowDensityWords && density < BoilerplateClassifier.lowDensity {
            return .bad(.lowFunctionWords(density: density))
        }
        if !evidence.endsSentence && evidence.words < BoilerplateClassifier.headlineLikeWords { return .short }
        if !hasList { return evidence.words >= BoilerplateClassifier.goodWords ? .good : (evidence.words >= 3 ? .nearGood : .short) }
        if evidence.words >= BoilerplateClassifier.goodWords && density >= BoilerplateClassifier.goodDensity { return .good }
        if evidence.words >= 3 { return .nearGood }
        return .short
    }

    /// Step 1: the reason a line is furniture by its shape alone, or nil.
    func furniture(_ line: String, evidence: LineEvidence? = nil) -> DropReason? {
        let evidence = evidence ?? LineEvidence(line, language: language)
        if evidence.characters > 0 && evidence.linkDensity > 0.5 { return .linkList }
        // `#NAVRATRI: … #SHARDIYANAVRATRI : …`: other stories' headlines behind hashtag kickers.
        if BoilerplateClassifier.hashtagKickers(line) >= 2 { return .teaserList }
        guard evidence.words <= BoilerplateClassifier.shapeWords else { return nil }
        let lowered = line.lowercased()
        let bare = BoilerplateClassifier.stripped(lowered)
        if BoilerplateClassifier.isTimestamp(line, evidence: evidence) { return .timestamp }
        if BoilerplateClassifier.advertisements.contains(bare) { return .advertisement }
        if BoilerplateClassifier.isShareBar(lowered) { return .shareButtons }
        if BoilerplateClassifier.matches(BoilerplateClassifier.credit, line) && evidence.words <= 15 { return .credit }
        if BoilerplateClassifier.matches(BoilerplateClassifier.captionCredit, line) || ["वीडियो कैप्शन", "video caption", "फोटो कैप्शन"].contains(bare) {
            return .credit
        }
        if BoilerplateClassifier.isByline(line, lowered: lowered, evidence: evidence) { return .byline }
        if BoilerplateClassifier.isBracketed(line) { return .editorNote }
        if BoilerplateClassifier.isNavigation(line, evidence: evidence) { return .navigation }
        if boxHeading(line) != nil { return .boxHeading }
        if evidence.words <= 25 && BoilerplateClassifier.matches(BoilerplateClassifier.callToAction, line) { return .callToAction }
        if language == "hi" && evidence.latin >= 2 && evidence.latinShare > 2.0 / 3.0 { return .latinInterface }
        if let last = line.last, BoilerplateClassifier.labelEnds.contains(last) || line.hasSuffix(":-"),
           evidence.words <= 6, evidence.functionWords == 0 {
            return .label
        }
        return nil
    }

    /// How many hashtags with a colon after them (`#IPL2024:`) the line has, counted on its
    /// first 2,000 bytes.
    static func hashtagKickers(_ line: String) -> Int {
        var count = 0
        var previous: Character = " "
        var text = Substring(String(line.utf8.prefix(2_000)) ?? line)
        while let hash = text.firstIndex(of: "#") {
            let before = hash == text.startIndex ? previous : text[text.index(before: hash)]
            var rest = text[text.index(after: hash)...]
            let tag = rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
            rest = rest.dropFirst(tag.count).drop { $0 == " " }
            if before.isWhitespace, !tag.isEmpty, rest.first == ":" { count += 1 }
            previous = "#"
            text = rest
        }
        return count
    }

    /// Kinds of box a heading opens.
    enum Box: Sendable, Hashable {
        /// "Read this too", "related", "trending", newsletter: takes the lines under it up
        /// to the next good line.
        case teaser
        /// An author box or the comments: after the text, the end of the article.
        case end
        /// A teaser on one line (`ये भी पढ़ें: <headline>`): itself only.
        case teaserLine
    }

    /// The box a line heads (`ये भी पढ़ें`, `ये भी पढ़ें: <headline>`, `लेखक के बारे में`), or nil.
    func boxHeading(_ line: String) -> Box? {
        let lowered = line.lowercased()
        let bare = BoilerplateClassifier.stripped(lowered)
        if BoilerplateClassifier.endHeadings.contains(bare) { return .end }
        if line.utf8.count <= 80 && BoilerplateClassifier.matches(BoilerplateClassifier.commentCounter, bare) { return .end }
        if BoilerplateClassifier.teaserHeadings.contains(bare) { return .teaser }
        // `ये भी पढ़ें: <a linked headline>`, `Also Read - ...`.
        // Compared as bytes: the text is NFC, and comparing Strings walks grapheme clusters.
        for heading in BoilerplateClassifier.teaserHeadings where lowered.utf8.starts(with: heading.utf8) {
            let rest = String(Substring(lowered.utf8.dropFirst(heading.utf8.count))).drop(while: { $0 == " " })
            if let mark = rest.first, [":", "-", "–", "—", "|", "»", ">", "…", "."].contains(mark) { return .teaserLine }
        }
        return nil
    }

    // MARK: - Context

    /// Step 3 over the lines of the text, in order: nil for a line kept, else why it is
    /// dropped. `lines` are normalised; `numbers` their raw line numbers (for `afterCut`).
    func decide(_ lines: [String], numbers: [Int]) -> [DropReason?] {
        decide(lines, numbers: numbers, classes: lines.map(classify))
    }

    /// The line's class from its furniture reason by shape (`furniture`), if any, and its
    /// evidence: what `classify` gives, without measuring the line twice.
    func lineClass(shape: DropReason?, evidence: LineEvidence) -> LineClass {
        shape.map(LineClass.bad) ?? textClass(evidence)
    }

    /// `decide` with the classes already made.
    func decide(_ lines: [String], numbers: [Int], classes: [LineClass]) -> [DropReason?] {
        var reasons = [DropReason?](repeating: nil, count: lines.count)
        func isGood(_ k: LineClass) -> Bool { k == .good }
        func isBad(_ k: LineClass) -> Bool { if case .bad = k { return true } else { return false } }

        // The neighbour on one side, skipping short lines (and near-good ones when asked):
        // good, bad, or nil at the edge of the text.
        func neighbour(_ index: Int, step: Int, skipNearGood: Bool) -> LineClass? {
            var j = index + step
            while j >= 0 && j < classes.count {
                switch classes[j] {
                case .short: break
                case .nearGood where skipNearGood: break
                default: return classes[j]
                }
                j += step
            }
            return nil
        }

        var seenGood = false
        var inBox = false
        var cutAt: Int?
        for (index, lineClass) in classes.enumerated() {
            if let cutAt {
                reasons[index] = .afterCut(line: cutAt)
                continue
            }
            if let box = boxHeading(lines[index]) {
                if box == .end && seenGood {
                    cutAt = numbers[index]
                    reasons[index] = .boxHeading
                    continue
                }
                inBox = box != .teaserLine
                reasons[index] = .boxHeading
                continue
            }
            if lineClass == .good {
                seenGood = true
            }
            // A box holds headlines and links; a sentence ends it.
            if inBox {
                switch lineClass {
                case .short:
                    reasons[index] = .boxHeading
                    continue
                case .bad(let reason):
                    reasons[index] = reason
                    continue
                default:
                    inBox = false
                }
            }
            switch lineClass {
            case .good:
                break
            case .bad(let reason):
                reasons[index] = reason
            case .nearGood:
                let before = neighbour(index, step: -1, skipNearGood: true)
                let after = neighbour(index, step: 1, skipNearGood: true)
                let anyGood = before.map(isGood) == true || after.map(isGood) == true
                // Near-good lines alone (a page of short sentences) have nothing against them.
                if !anyGood && (before != nil || after != nil) { reasons[index] = .sentenceOutsideText }
            case .short:
                let before = neighbour(index, step: -1, skipNearGood: true)
                let after = neighbour(index, step: 1, skipNearGood: true)
                if before.map(isGood) == true && after.map(isGood) == true { break }
                // With no text on the page but short lines, there is no context to judge by.
                if before == nil && after == nil && !classes.contains(where: isBad) { break }
                let headlineLike = { (j: Int) -> Bool in
                    j >= 0 && j < classes.count && classes[j] == .short && !RawPageCleaner.endsSentence(lines[j])
                        && RawPageCleaner.words(lines[j], upTo: 3) >= 3
                }
                if headlineLike(index) && (headlineLike(index - 1) || headlineLike(index + 1)) {
                    reasons[index] = .teaserList
                } else if let last = lines[index].last, BoilerplateClassifier.labelEnds.contains(last) {
                    reasons[index] = .label
                } else {
                    reasons[index] = .shortNotText
                }
            }
        }
        return reasons
    }

    // MARK: - Shapes

    static let labelEnds: Set<Character> = [":", "-", "–", "—", "ः"]

    /// Lowercased line without the punctuation and spaces at its ends (`ये भी पढ़ें:` → `ये भी पढ़ें`).
    static func stripped(_ lowered: String) -> String {
        let ends: Set<Character> = [":", "-", "–", "—", "|", "।", ".", "!", " ", "[", "]", "(", ")", "*", "…", "»", ">", "ः"]
        var text = Substring(lowered)
        while let first = text.first, ends.contains(first) { text = text.dropFirst() }
        while let last = text.last, ends.contains(last) { text = text.dropLast() }
        return String(text)
    }

    /// A date or a time with nothing but labels around it.
    static func isTimestamp(_ line: String, evidence: LineEvidence) -> Bool {
        guard evidence.words <= 24 else { return false }
        if HindiDate.labelledDates(line) != nil { return true }
        guard evidence.functionWords == 0 || evidence.words <= 3 else { return false }
        return matches(time, line) || matches(relativeTime, line)
    }

    /// True when the whole line is one bracketed span (a closing `।` or `.` after it aside):
    /// the bracket that opens the line closes only at its end, so `(क) ... (ख)` is not one.
    static func isBracketed(_ line: String) -> Bool {
        var scalars = Array(line.unicodeScalars)
        while let last = scalars.last, last == "।" || last == "." || last == " " { scalars.removeLast() }
        guard scalars.count >= 3, let first = scalars.first else { return false }
        let closer: Unicode.Scalar
        switch first {
        case "(": closer = ")"
        case "[": closer = "]"
        default: return false
        }
        var depth = 0
        for (index, scalar) in scalars.enumerated() {
            if scalar == first { depth += 1 } else if scalar == closer { depth -= 1 }
            if depth == 0 { return index == scalars.count - 1 }
        }
        return false
    }

    /// Social networks and the words of share bars; a line of nothing else (perhaps glued
    /// into one word, `FacebookTwitterWhatsapp`) with at least one network is a share bar.
    static func isShareBar(_ lowered: String) -> Bool {
        let tokens = lowered.split(whereSeparator: { $0 == " " || $0 == "|" || $0 == "/" || $0 == "," || $0 == "•" || $0 == "·" })
        guard !tokens.isEmpty, tokens.count <= 12 else { return false }
        var networks = 0
        for token in tokens {
            var rest = Substring(FunctionWords.bare(token))
            if rest.isEmpty { continue }
            if shareWords.contains(String(rest)) { continue }
            // Glued names: take networks off the front while they fit.
            var took = false
            while let name = networkNames.first(where: { rest.utf8.starts(with: $0.utf8) }) {
                rest = Substring(rest.utf8.dropFirst(name.utf8.count))
                networks += 1
                took = true
            }
            if !rest.isEmpty || !took { return false }
        }
        return networks > 0
    }

    static func isByline(_ line: String, lowered: String, evidence: LineEvidence) -> Bool {
        guard evidence.words <= 10 else { return false }
        if matches(bylineLabel, line) && (!evidence.endsSentence || evidence.functionWords <= 1) { return true }
        // `अमित कुमार | नई दिल्ली`, `राम कुमार, वरिष्ठ संवाददाता`: a name and a place or role,
        // no function words, no sentence.
        if namesARole(lowered, evidence: evidence) { return true }
        if isSignedBetweenDandas(line), evidence.functionWords == 0, evidence.digits == 0 { return true }
        guard evidence.functionWords == 0, !evidence.endsSentence, evidence.words <= 6 else { return false }
        let parts = line.split(separator: "|")
        if parts.count == 2 && parts.allSatisfy({ $0.split(separator: " ").count <= 3 }) && evidence.digits == 0 { return true }
        return false
    }

    /// A name of one to four words between double dandas, as writers sign an opinion piece
    /// (`।। अवधेश कुमार।।`, `॥ राम प्रसाद ॥`).
    static func isSignedBetweenDandas(_ line: String) -> Bool {
        let marks: Set<Character> = ["।", "॥"]
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        func opens(_ text: Substring) -> Bool { text.hasPrefix("॥") || text.hasPrefix("।।") || text.hasPrefix("। ।") }
        guard opens(trimmed[...]), opens(Substring(String(trimmed.reversed()))) else { return false }
        let inner = trimmed.drop { marks.contains($0) || $0 == " " }.reversed().drop { marks.contains($0) || $0 == " " }
        let words = String(inner.reversed()).split(separator: " ")
        return (1...4).contains(words.count) && words.allSatisfy { $0.allSatisfy { $0.isLetter || $0.unicodeScalars.allSatisfy(\.properties.isAlphabetic) || $0 == "." } }
    }

    /// A reporter's or desk's line: a role word (`संवाददाता`, `डेस्क`) in a short line that is
    /// not a sentence (`नेपाल-भारत सिमा संवाददाता जीत बहादुर चौधरी का रिपोर्ट`).
    static func namesARole(_ lowered: String, evidence: LineEvidence) -> Bool {
        guard evidence.words <= 10, evidence.functionWords <= 1, !evidence.endsSentence || evidence.words <= 4 else { return false }
        return lowered.split(separator: " ").contains { roles.contains(FunctionWords.bare($0)) }
    }

    /// Short items between separators (`होम › दुनिया › एशिया`, `Home / World`).
    static func isNavigation(_ line: String, evidence: LineEvidence) -> Bool {
        // Menu items glued together as scraped (`Homeदेश - विदेश...`, `FacebookTwitter`):
        // Latin and Devanagari letters in the first word, or capitals run into twice; not a
        // sentence, or one cut short (`...`) as teasers are.
        if !evidence.endsSentence || line.hasSuffix("...") || line.hasSuffix("…"),
           let first = line.split(separator: " ").first, gluedMenu(first) { return true }
        guard !evidence.endsSentence, evidence.functionWords <= 1 else { return false }
        let separators: Set<Character> = ["›", "»", ">", "/", "|", "→", "•", "·", "»"]
        var items: [Int] = [0]
        for token in line.split(separator: " ") {
            if token.count == 1, let mark = token.first, separators.contains(mark) {
                items.append(0)
            } else {
                items[items.count - 1] += 1
            }
        }
        let chained = line.filter { "›»→".contains($0) }.count
        if chained >= 2 { return true }
        return items.count >= 3 && items.allSatisfy { $0 >= 1 && $0 <= 4 }
    }

    /// A word whose letters change script without a break (`Homeदेश`), or run lower-case
    /// into capitals twice (`FacebookTwitterWhatsapp`, `LogoSwitch` is once: names do that).
    static func gluedMenu(_ word: Substring) -> Bool {
        var sawLatin = false, sawDevanagari = false, humps = 0
        var previousLower = false
        for scalar in word.unicodeScalars {
            let value = scalar.value
            if (0x41...0x5A).contains(value) {
                if previousLower { humps += 1 }
                sawLatin = true
                previousLower = false
            } else if (0x61...0x7A).contains(value) {
                sawLatin = true
                previousLower = true
            } else {
                if (0x900...0x97F).contains(value) { sawDevanagari = true }
                previousLower = false
            }
        }
        return (sawLatin && sawDevanagari) || humps >= 2
    }

    static func matches(_ regex: NSRegularExpression, _ line: String) -> Bool {
        regex.firstMatch(in: line, range: NSRange(location: 0, length: (line as NSString).length)) != nil
    }

    private static func regex(_ pattern: String) -> NSRegularExpression {
        try! NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
    }

    // The words below are the web's generic furniture in Hindi and English (as trafilatura
    // and jusText list the English ones), not any outlet's.

    static let time = regex("(?<![0-9])[0-9०-९]{1,2}[:.][0-9०-९]{2}(?![0-9])\\s*(?:am|pm|बजे|ist|gmt)?|\\b(?:am|pm)\\s+ist\\b")
    static let relativeTime = regex("^[0-9०-९]+\\s+(?:सेकंड|मिनट|घंटे|घंटा|दिन|sec(?:ond)?s?|min(?:ute)?s?|hours?|hrs?|days?)\\s+(?:पहले|ago)$")
    static let credit = regex(
        "(?:^|[\\s|(\\[,])(?:फ़ाइल\\s+|फाइल\\s+|file\\s+)?(?:फोटो|फ़ोटो|तस्वीर|चित्र|वीडियो|इमेज|photo|image|pic|picture|video|courtesy|credit|साभार)"
        + "(?:\\s+(?:credits?|source|courtesy|साभार|क्रेडिट|सोर्स|स्रोत|by))?\\s*[:：]"
        + "|^\\(?(?:फ़ाइल|फाइल|file|एपी|पीटीआई|रॉयटर्स|एएनआई)\\s+(?:फोटो|फ़ोटो|photo)\\)?$"
        + "|\\((?:फ़ाइल|फाइल|file)\\s+(?:फोटो|फ़ोटो|photo)\\)")
    /// A caption: a line ending in its credit, `... (स्रोत: केसीएनए) |`.
    static let captionCredit = regex("\\((?:स्रोत|फोटो|फ़ोटो|तस्वीर|चित्र|photo|image|source|credit)\\s*:[^()]*\\)\\s*[|।]?$")
    static let bylineLabel = regex(
        "^(?:(?:written|reported|edited|posted|authored)\\s+by|by)\\s*[:：|\\-–—]?\\s+\\S"
        + "|^(?:author|reporter|लेखक|लेखिका|रिपोर्ट|रिपोर्टर|रिपोर्टेड\\s+बाय|एडिटेड\\s+बाय|संवाददाता|संपादक|संपादन|प्रस्तुति)\\s*[:：|\\-–—]\\s*\\S")
    static let roles: Set<String> = [
        "संवाददाता", "पत्रकार", "संपादक", "उपसंपादक", "डेस्क", "ब्यूरो", "correspondent", "reporter", "editor", "desk", "bureau",
    ]
    static let callToAction = regex(
        "(?:सब्सक्राइब|सब्स्क्राइब|subscribe|sign\\s+up|साइन\\s+अप|डाउनलोड\\s+करें|download\\s+(?:the|our)\\s+app|ऐप\\s+डाउनलोड|"
        + "फॉलो\\s+करें|follow\\s+us|हमें\\s+फॉलो|लाइक\\s+करें|क्लिक\\s+करें|click\\s+here|यहां\\s+क्लिक|यहाँ\\s+क्लिक|"
        + "(?:चैनल|ग्रुप)\\s+(?:से|को)\\s+(?:जुड़ें|ज्वाइन\\s+करें)|न्यूज़लेटर|न्यूजलेटर|newsletter|नोटिफिकेशन\\s+(?:ऑन|चालू)|"
        + "(?:अगले|आगे\\s+के)\\s+(?:पेज|पन्ने|स्लाइड)\\s+पर\\s+(?:देखिए|देखें|पढ़ें|पढ़िए)|next\\s+page)")
    static let advertisements: Set<String> = [
        "विज्ञापन", "advertisement", "advertisment", "ad", "ads", "sponsored", "प्रायोजित", "commercial break",
        "scroll to continue reading", "continue reading below", "story continues below advertisement",
        "आगे पढ़ने के लिए स्क्रॉल करें", "विज्ञापन के नीचे खबर जारी है",
    ]
    /// Boxes inside or around the text: each takes the headlines and links under it.
    static let teaserHeadings: [String] = [
        "ये भी पढ़ें", "यह भी पढ़ें", "इसे भी पढ़ें", "इन्हें भी पढ़ें", "ये भी पढ़े", "यह भी पढ़े", "ये भी देखें", "यह भी देखें",
        "और पढ़ें", "आगे पढ़ें", "पढ़ें", "also read", "read also", "read more", "also watch", "must read", "must watch",
        "latest news", "ताज़ा खबरें", "ताजा खबरें", "ताज़ा ख़बरें", "लेटेस्ट न्यूज़", "लेटेस्ट न्यूज", "टॉप न्यूज़", "टॉप न्यूज", "top news",
        "top stories", "trending", "trending now", "trending news", "ट्रेंडिंग", "ट्रेंडिंग न्यूज़", "popular", "लोकप्रिय",
        "न्यूज़लेटर", "न्यूजलेटर", "newsletter",
    ]
    /// Boxes that come after the text (other stories, the author, the comments): after the
    /// text has begun, the end of the article.
    static let endHeadings: Set<String> = [
        "संबंधित खबरें", "संबंधित ख़बरें", "संबंधित लेख", "सम्बंधित खबरें", "related", "related news", "related articles",
        "related stories", "related posts", "more stories", "more news", "more from", "you may also like", "you might also like",
        "आपको यह भी पसंद आ सकता है", "recommended", "recommended stories", "most read", "most popular",
        "सबसे ज्यादा पढ़ी गई खबरें", "सबसे ज़्यादा पढ़ी गई खबरें", "सबसे ज्यादा पढ़े गए", "सबसे ज़्यादा पढ़ी गईं",
        "लेखक के बारे में", "about the author", "लेखक परिचय", "लेखक का परिचय", "about author",
        "टिप्पणियाँ", "टिप्पणियां", "comments", "अपनी राय दें", "आपकी राय", "leave a comment", "post a comment",
        "टिप्पणियाँ बंद हैं", "टिप्पणियां बंद हैं", "comments are closed",
        "leave a reply", "एक टिप्पणी छोड़ें", "टिप्पणी छोड़ें", "टिप्पणी करें", "कमेंट करें", "अपनी टिप्पणी दें",
    ]
    /// `2 टिप्पणियां`, `Comments (0)`: the head of the comments.
    static let commentCounter = regex("^(?:[0-9०-९]+\\s*(?:टिप्पणियां|टिप्पणियाँ|टिप्पणी|comments?|कमेंट्स?)|(?:टिप्पणी|टिप्पणियां|comments?|कमेंट्स?)\\s*\\([0-9०-९]+\\))$")
    static let networkNames: [String] = [
        "facebook", "twitter", "whatsapp", "linkedin", "telegram", "instagram", "youtube", "pinterest", "reddit", "koo",
        "threads", "फेसबुक", "ट्विटर", "व्हाट्सएप", "व्हाट्सऐप", "टेलीग्राम", "इंस्टाग्राम", "यूट्यूब",
    ]
    static let shareWords: Set<String> = [
        "share", "shares", "tweet", "email", "e-mail", "mail", "print", "copy", "link", "copied", "x", "शेयर", "करें", "लिंक",
        "कॉपी", "ईमेल", "प्रिंट", "on", "via", "us", "follow",
    ]
}
