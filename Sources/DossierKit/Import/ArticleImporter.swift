/// Turns a raw page into an article: boilerplate out (by the rules), headline, dateline
/// (place, date, agency), source and address, paragraphs, and an id from the entities the
/// article names most. Facts the text does not give are left out with a warning.
struct ArticleImporter: Sendable {
    let rules: ImportRules
    let annotator: Annotator

    init(rules: ImportRules, registry: Registry) {
        self.rules = rules
        self.annotator = Annotator(registry: registry)
    }

    /// Longest line taken for a headline, in words.
    static let headlineWords = 3...30
    /// Lines this short (in words) above the article are section labels (`दुनिया`).
    static let labelWords = 2
    /// How far into the report a dateline may come (after a repeated lede, say).
    static let datelineReach = 3

    /// `text` is the raw page (UTF-8 decoded); `rawName` its name in content/raw/; `file`
    /// the path shown in messages; `furniture` the lines of the outlet's other pages.
    func importPage(_ text: String, rawName: String, file: String, options: ImportOptions,
                           furniture: OutletFurniture? = nil) -> ImportedArticle {
        var diagnostics: [Diagnostic] = []
        let page = RawPageCleaner(rules: rules).clean(text, furniture: furniture, url: options.url)
        var lines = page.lines
        var decisions = page.dropped
        let classifier = BoilerplateClassifier(language: options.language)
        // Furniture by shape (step 1 of the classifier), whatever is around the line.
        let evidence = lines.map { LineEvidence($0.text, language: options.language) }
        let shape: [DropReason?] = zip(lines, evidence).map { classifier.furniture($0.text, evidence: $1) }
        func decide(_ line: CleanedPage.Line, _ fate: LineDecision.Fate) {
            decisions.append(LineDecision(line: line.number, text: line.text, fate: fate))
        }

        // Header: labels and date lines, the headline, more of the same.
        var headerDates: [(date: HindiDate, line: Int, label: HindiDate.Label)] = []
        var headline: CleanedPage.Line?
        var index = 0
        /// Why a line above the text is not the article (a date line is read, not dropped).
        func headerReason(_ position: Int) -> DropReason? {
            let line = lines[position].text
            // A menu or a web address is no dateline, though `Home -` or `https:` reads like one.
            if let reason = shape[position], !ArticleImporter.mayBeDateline(reason) { return reason }
            if Dateline.parse(line) != nil { return nil }
            if let reason = shape[position] { return reason }
            if isInterfaceLine(line, language: options.language) {
                // An English menu or kicker line, `Edited By:`.
                return isLatin(line, language: options.language) ? .latinInterface : .label
            }
            // A section name such as `दुनिया`.
            return isLabel(line) ? .label : nil
        }
        // A place printed alone above the report (`कौशाम्बी,`): its dateline when the report
        // opens with none.
        var placeAlone: (place: String, line: CleanedPage.Line)?
        func skipHeaderLines() {
            while index < lines.count {
                let line = lines[index]
                if placeAlone == nil, let place = Dateline.placeAlone(line.text) {
                    placeAlone = (place, line)
                }
                if let dates = HindiDate.labelledDates(line.text) {
                    headerDates += dates.map { ($0.date, line.number, $0.label) }
                    decide(line, .date)
                } else if let reason = headerReason(index) {
                    decide(line, .dropped(reason))
                } else {
                    return
                }
                index += 1
            }
        }
        skipHeaderLines()
        if index < lines.count, isHeadline(lines[index].text, language: options.language), shape[index] == nil,
           !opensWithDateline(lines[index].text, language: options.language) {
            let chosen = bestHeadline(first: index, lines: lines, shape: shape, language: options.language)
            for position in index..<chosen {
                if let dates = HindiDate.labelledDates(lines[position].text) {
                    headerDates += dates.map { ($0.date, lines[position].number, $0.label) }
                    decide(lines[position], .date)
                } else {
                    let menu = isNameList(lines[position].text, language: options.language)
                    decide(lines[position], .dropped(headerReason(position) ?? (menu ? .navigation : .aboveHeadline)))
                }
            }
            headline = lines[chosen]
            headline?.text = ArticleImporter.withoutTrailingLabels(lines[chosen].text, language: options.language)
            decide(lines[chosen], .title)
            index = chosen + 1
            skipHeaderLines()
        }
        lines = Array(lines[index...])
        var bodyShape = Array(shape[index...])
        var bodyEvidence = Array(evidence[index...])

        // Dateline: the first of the report's opening lines that starts with one (lines that
        // are furniture by shape do not count).
        var dateline: Dateline?
        var datelineLine: Int?
        var opening = 0
        // The report opens at its first paragraph: a byline or subhead above it (`अतुल त्यागी,
        // मुकेश सैनी`) does not take `हापुड़। ...` out of the opening.
        var sawParagraph = false
        for position in lines.indices where opening < ArticleImporter.datelineReach {
            if let reason = bodyShape[position], !ArticleImporter.mayBeDateline(reason) { continue }
            let isOpening = !sawParagraph
            defer {
                opening += 1
                if position < lines.count, RawPageCleaner.readsLikeParagraph(lines[position].text) { sawParagraph = true }
            }
            // A desk or kicker label before the report's first words (`नेशनल डेस्क: ...`,
            // `Breaking News : ...`) is no place, and no part of the text either.
            var parsed = Dateline.parse(lines[position].text, opening: isOpening)
            if parsed == nil, let rest = Dateline.afterDeskLabel(lines[position].text) {
                // `मुंबई, डिजिटल डेस्क: ...`: the place before the desk.
                if let place = Dateline.placeBeforeDesk(lines[position].text), Dateline.parse(rest, opening: true) == nil {
                    dateline = Dateline(place: place, rest: rest)
                    datelineLine = lines[position].number
                }
                lines[position].text = rest
                bodyShape[position] = classifier.furniture(rest)
                bodyEvidence[position] = LineEvidence(rest, language: options.language)
                parsed = Dateline.parse(rest, opening: isOpening)
            }
            // The outlet's name before the place (`वर्ल्ड स्वराज न्यूज़ हरदा। ...`) is left out.
            if parsed == nil, let rest = Dateline.afterOutletName(lines[position].text), let inner = Dateline.parse(rest, opening: isOpening) {
                lines[position].text = rest
                parsed = inner
            }
            if dateline != nil { break }
            guard let found = parsed else { continue }
            // `राजेश भास्कर—` alone over `गाजियाबाद। ...`: a reporter's name, the place below it.
            if found.rest.isEmpty, position + 1 < lines.count, let below = Dateline.parse(lines[position + 1].text, opening: true),
               !below.rest.isEmpty {
                decide(lines[position], .dropped(.byline))
                lines.remove(at: position)
                bodyShape.remove(at: position)
                bodyEvidence.remove(at: position)
                dateline = below
                datelineLine = lines[position].number
                lines[position].text = below.rest
                bodyShape[position] = classifier.furniture(below.rest)
                bodyEvidence[position] = LineEvidence(below.rest, language: options.language)
                break
            }
            dateline = found
            datelineLine = lines[position].number
            if found.rest.isEmpty {
                decide(lines[position], .dateline(restIsBody: false))
                lines.remove(at: position)
                bodyShape.remove(at: position)
                bodyEvidence.remove(at: position)
            } else {
                lines[position].text = found.rest
                bodyShape[position] = classifier.furniture(found.rest)
                bodyEvidence[position] = LineEvidence(found.rest, language: options.language)
            }
            break
        }

        if dateline == nil, let (place, line) = placeAlone,
           let at = decisions.lastIndex(where: { $0.line == line.number }) {
            dateline = Dateline(place: place, rest: "")
            datelineLine = line.number
            decisions[at].fate = .dateline(restIsBody: false)
        }

        // `...नहीं किया है।(एजेंसी)`: a credit in brackets after a paragraph's last sentence is
        // no part of it (and would hide the sentence's end from the classes below).
        var credits: [Int: String] = [:]
        for position in lines.indices {
            guard let (text, credit) = ArticleImporter.trailingCredit(lines[position].text) else { continue }
            credits[lines[position].number] = credit
            lines[position].text = text
            bodyShape[position] = classifier.furniture(text)
            bodyEvidence[position] = LineEvidence(text, language: options.language)
        }

        // The text: jusText's classes and context over what is left.
        let verdicts = classifier.decide(lines.map(\.text), numbers: lines.map(\.number),
                                         classes: zip(bodyShape, bodyEvidence).map { classifier.lineClass(shape: $0, evidence: $1) })
        // An author box or comments heading that a rule dropped still ends the article.
        let firstText = zip(lines, verdicts).first { $0.1 == nil }?.0.number
        let end = firstText.flatMap { first in
            page.dropped.first { $0.line > first && classifier.boxHeading($0.text) == .end }?.line
        }
        var kept: [CleanedPage.Line] = []
        for (line, found) in zip(lines, verdicts) {
            var verdict = found
            if verdict == nil, let end, line.number > end { verdict = .afterCut(line: end) }
            // A teaser dropped as one (`यूपी: फिर चला ... का जादू…`) gives no place.
            if verdict != nil, line.number == datelineLine { dateline = nil; datelineLine = nil }
            if let verdict {
                decisions.append(LineDecision(line: line.number, text: line.text, fate: .dropped(verdict)))
            } else {
                kept.append(line)
                decisions.append(LineDecision(line: line.number, text: line.text, fate: line.number == datelineLine ? .dateline(restIsBody: true) : .body))
            }
        }
        // No headline above: a short first line over the report (`... बुलडोजर, हुई सख्त
        // कार्रवाई।`) is the headline, though it ends as a sentence does.
        if headline == nil, kept.count >= 2, kept[0].number != datelineLine,
           isShortHeadline(kept[0].text, language: options.language), RawPageCleaner.readsLikeParagraph(kept[1].text),
           let at = decisions.lastIndex(where: { $0.line == kept[0].number }) {
            var line = kept.removeFirst()
            line.text = ArticleImporter.withoutClosingMark(line.text)
            headline = line
            decisions[at].fate = .title
        }
        // A credit after the last sentence signs the report off.
        var trailingAgency: String?
        if let last = kept.last, let credit = credits[last.number], !Dateline.genericAgencies.contains(credit.lowercased()) {
            trailingAgency = credit
        }
        lines = kept
        decisions.sort { $0.line < $1.line }

        let paragraphs = lines.map(\.text)
        guard let firstParagraph = lines.first else {
            let hint: String
            if page.lines.isEmpty && page.droppedCount > 0 {
                hint = "the import rules dropped every line; check content/\(ImportRules.fileName)"
            } else if decisions.contains(where: { $0.reason != nil }) {
                hint = "no line reads as the article's text; see why with dossier import --dry-run --explain"
            } else {
                hint = "the file holds no paragraphs"
            }
            diagnostics.append(.error(file, nil, "no article text found", hint: hint))
            var article = ImportedArticle(id: "", title: headline?.text ?? "", language: options.language, raw: rawName,
                                          paragraphs: [], possibleMeetings: [], diagnostics: diagnostics)
            article.lines = decisions
            return article
        }

        // Title: the headline, else the report's first sentence.
        let title: String
        if let headline {
            title = headline.text
        } else {
            title = ArticleImporter.firstSentence(firstParagraph.text)
            diagnostics.append(.warning(file, firstParagraph.number, "no headline; the title is the first sentence",
                                        hint: "edit title: if a better one is wanted"))
        }

        // Timestamps printed below the headline area (after the first paragraph, say): read
        // when the header and the dateline give no date.
        let laterDates = decisions.compactMap { decision -> [(date: HindiDate, line: Int, label: HindiDate.Label)]? in
            guard case .dropped(.timestamp) = decision.fate, let dates = HindiDate.labelledDates(decision.text) else { return nil }
            return dates.map { ($0.date, decision.line, $0.label) }
        }.flatMap { $0 }
        let url = options.url ?? page.url
        let date = publicationDate(headerDates: headerDates, dateline: dateline, datelineLine: datelineLine, laterDates: laterDates,
                                   body: paragraphs, bodyLines: lines.map(\.number), url: url, file: file, options: options,
                                   diagnostics: &diagnostics)
        if let given = options.url, let found = page.url, given != found {
            diagnostics.append(.warning(file, nil, "the page gives the address \(found); using --url \(given)"))
        }
        var signedPage = page
        if let signed = page.signOffLine, lines.contains(where: { $0.number > signed }) { signedPage.signOffAgency = nil }
        if signedPage.signOffAgency == nil, let trailingAgency { signedPage.signOffAgency = trailingAgency }
        let source = self.source(page: signedPage, url: url, dateline: dateline, options: options)
        if source == nil {
            diagnostics.append(.warning(file, nil, "the page names no outlet; source: left out",
                                        hint: "pass --source NAME, or add the outlet's boilerplate to content/\(ImportRules.fileName) with source: NAME"))
        }
        for number in page.repeatedLines {
            diagnostics.append(.warning(file, number, "paragraph repeated on the page; kept once (see --explain)"))
        }

        let body = ArticleMarkdown.body(paragraphs)
        let id = ArticleID.make(date: date, title: title, body: body, annotator: annotator)
        var article = ImportedArticle(
            id: id, title: title, date: date, source: source, url: url, place: dateline?.place,
            language: options.language, raw: rawName, author: page.author, paragraphs: paragraphs,
            possibleMeetings: [], diagnostics: diagnostics)
        article.possibleMeetings = possibleMeetings(title: title, body: body, date: date)
        article.lines = decisions
        if date == nil {
            // An article without a date would fail every build: it is written as a draft.
            article.draft = true
            article.diagnostics.append(.warning(file, nil, "no publication date: written as a draft (draft: true), which builds leave out",
                                                hint: "import it again with --date YYYY-MM-DD --force, or add date: and remove draft: true by hand"))
        }
        return article
    }

    // MARK: - Parts

    /// A paragraph's text without the agency credited in brackets after its last sentence
    /// (`... किया है।(एजेंसी)`, `... said. (IANS)`), and the credit; nil when it ends otherwise.
    /// Only a generic word (`genericAgencies`), an agency of `knownAgencies`, or Latin capitals
    /// count as a credit.
    static func trailingCredit(_ paragraph: String) -> (text: String, credit: String)? {
        guard paragraph.hasSuffix(")"), let open = paragraph.suffix(40).lastIndex(of: "(") else { return nil }
        let credit = paragraph[paragraph.index(after: open)..<paragraph.index(before: paragraph.endIndex)].trimmingCharacters(in: .whitespaces)
        let text = paragraph[..<open].trimmingCharacters(in: .whitespaces)
        guard !credit.isEmpty, credit.split(separator: " ").count <= 3, RawPageCleaner.endsSentence(text),
              RawPageCleaner.words(text, upTo: 3) >= 3 else { return nil }
        let capitals = (2...6).contains(credit.count) && credit.allSatisfy { $0.isASCII && $0.isUppercase }
        guard Dateline.genericAgencies.contains(credit.lowercased()) || capitals || knownAgencies.contains(credit) else { return nil }
        return (text, credit)
    }

    /// Agencies Hindi reports credit by name (`(भाषा)`, `(आईएएनएस)`).
    static let knownAgencies: Set<String> = ["भाषा", "आईएएनएस", "वार्ता", "यूनीवार्ता", "एएनआई", "पीटीआई", "हिन्दुस्थान समाचार", "हिंदुस्थान समाचार"]

    /// Longest first line read as a headline though it ends as a sentence does, in words.
    static let shortHeadlineWords = 16

    /// A one-line headline that ends with `।` or `...`: short, not a quotation, and (in a
    /// Hindi page) not an interface string.
    func isShortHeadline(_ line: String, language: String) -> Bool {
        guard RawPageCleaner.words(line, upTo: ArticleImporter.shortHeadlineWords) <= ArticleImporter.shortHeadlineWords,
              RawPageCleaner.words(line, upTo: 3) >= 3, let first = line.first, !"\"'“‘(".contains(first) else { return false }
        return !isInterfaceLine(line, language: language) && !isLatin(line, language: language)
    }

    /// `line` without its closing full stop or ellipsis.
    static func withoutClosingMark(_ line: String) -> String {
        var text = Substring(line)
        while let last = text.last, ["।", ".", "|", "…", " "].contains(last) { text = text.dropLast() }
        return text.isEmpty ? line : String(text)
    }

    /// A headline without the section and site labels after it (`... Bulldozer | Breaking |
    /// Madhya Pradesh`): trailing parts after ` | ` of at most three words, Latin or
    /// without a function word.
    static func withoutTrailingLabels(_ line: String, language: String) -> String {
        var parts = line.components(separatedBy: " | ")
        while parts.count > 1, let last = parts.last, RawPageCleaner.words(last, upTo: 3) <= 3,
              Dateline.isMostlyLatin(last) || ArticleImporter.functionWordCount(last, language: language) == 0,
              RawPageCleaner.words(parts[0], upTo: 3) >= 3 {
            parts.removeLast()
        }
        return parts.joined(separator: " | ")
    }

    /// A menu of names (`Latest News छत्तीसगढ़ नयी दिल्ली मध्य प्रदेश`): four words or more, not
    /// one of them a function word, no punctuation. A Hindi headline has at least one.
    func isNameList(_ line: String, language: String) -> Bool {
        guard FunctionWords.list(for: language) != nil, RawPageCleaner.words(line, upTo: 4) >= 4 else { return false }
        let marks: Set<Unicode.GeneralCategory> = [.nonspacingMark, .spacingMark, .enclosingMark]
        if line.unicodeScalars.contains(where: { !$0.properties.isAlphabetic && !marks.contains($0.properties.generalCategory)
            && $0.properties.numericType == nil && $0 != " " }) { return false }
        return ArticleImporter.functionWordCount(line, language: language) == 0
    }

    /// How many of `line`'s words are function words of `language`.
    static func functionWordCount(_ line: String, language: String) -> Int {
        guard let list = FunctionWords.list(for: language) else { return 0 }
        return line.split(separator: " ").filter { list.contains(FunctionWords.bare($0)) }.count
    }

    func isLabel(_ line: String) -> Bool {
        RawPageCleaner.words(line, upTo: ArticleImporter.labelWords) <= ArticleImporter.labelWords && !RawPageCleaner.endsSentence(line)
    }

    /// A headline may ask or exclaim (`...क्या होगा?`, `...पहुंचे!`), but does not end as a
    /// statement does (`।`, `.`).
    func isHeadline(_ line: String, language: String = "hi") -> Bool {
        ArticleImporter.headlineWords.contains(RawPageCleaner.words(line, upTo: ArticleImporter.headlineWords.upperBound))
            && !(RawPageCleaner.endsSentence(line) && !ArticleImporter.asksOrExclaims(line)) && !isInterfaceLine(line, language: language)
    }

    static func opensQuoteOrRunsOn(_ line: String) -> Bool {
        guard let first = line.first, let last = line.last else { return false }
        return "\"“‘'«".contains(first) || last == "," || last == "،"
    }

    static func asksOrExclaims(_ line: String) -> Bool {
        let closers: Set<Character> = ["\"", "'", "”", "’", ")", "]"]
        guard let last = line.reversed().first(where: { !closers.contains($0) }) else { return false }
        return last == "?" || last == "!"
    }

    /// Of the headline-like lines from `first` on, above the text, the one that best fits
    /// being the headline: the first, unless it shares almost no words with the text while a
    /// later one (within three) shares many (the first was another story's headline, a
    /// kicker or a tag).
    func bestHeadline(first: Int, lines: [CleanedPage.Line], shape: [DropReason?], language: String) -> Int {
        var alternatives: [Int] = []
        var position = first + 1
        while position < lines.count && alternatives.count < 3 {
            let text = lines[position].text
            if opensWithDateline(text, language: language) || RawPageCleaner.readsLikeParagraph(text) { break }
            if HindiDate.labelledDates(text) != nil || shape[position] != nil || isLabel(text) || isInterfaceLine(text, language: language) {
                position += 1
                continue
            }
            guard isHeadline(text, language: language) else { break }
            alternatives.append(position)
            position += 1
        }
        guard let last = alternatives.last else { return first }
        // A menu of names above the headline (they are named in the text too).
        if isNameList(lines[first].text, language: language),
           let headline = alternatives.first(where: { !isNameList(lines[$0].text, language: language) }) {
            return headline
        }
        var bodyWords = Set<String>()
        var count = 0
        for line in lines[(last + 1)...] {
            for word in line.text.split(separator: " ") {
                bodyWords.insert(FunctionWords.bare(word))
                count += 1
            }
            if count > 600 { break }
        }
        func overlap(_ position: Int) -> Double {
            let words = lines[position].text.split(separator: " ").map(FunctionWords.bare)
                .filter { $0.unicodeScalars.count >= 2 && !(FunctionWords.list(for: language)?.contains($0) ?? false) }
            guard !words.isEmpty else { return 0 }
            return Double(words.filter(bodyWords.contains).count) / Double(words.count)
        }
        let firstOverlap = overlap(first)
        guard firstOverlap < 0.2 else { return first }
        var best = first, bestOverlap = firstOverlap
        // A line that opens a quotation or ends with a comma is a verse or a list's line, never
        // the headline in place of the first.
        for position in alternatives where !ArticleImporter.opensQuoteOrRunsOn(lines[position].text) {
            let value = overlap(position)
            if value > bestOverlap { best = position; bestOverlap = value }
        }
        return bestOverlap >= firstOverlap + 0.3 ? best : first
    }

    /// Furniture shapes a dateline may have: `सोल:` looks like a label, `सियोल, 2 नवंबर` like a
    /// timestamp.
    /// Whether `line` opens with a dateline. A headline with a kicker before a colon or dash
    /// (`उत्तर कोरिया: रूस भेजे सैनिक`, `खैरा : ...`) reads like `सोल: ...`, but what follows is a
    /// headline, not a sentence that ends: such a line is not a dateline.
    func opensWithDateline(_ line: String, language: String) -> Bool {
        guard let dateline = Dateline.parse(line) else { return false }
        let kicker = dateline.date == nil && dateline.agency == nil && !dateline.rest.isEmpty
            && isHeadline(line, language: language) && isHeadline(dateline.rest, language: language)
        return !kicker
    }

    static func mayBeDateline(_ reason: DropReason) -> Bool {
        reason == .label || reason == .timestamp
    }

    /// Mostly Latin letters, in a Hindi page.
    func isLatin(_ line: String, language: String) -> Bool {
        guard language == "hi", !ArticleImporter.writesHindiBetweenLatin(line) else { return false }
        var latin = 0, devanagari = 0
        for scalar in line.unicodeScalars where scalar.properties.isAlphabetic {
            if (0x900...0x97F).contains(scalar.value) { devanagari += 1 } else if scalar.isASCII { latin += 1 }
        }
        return latin > 0 && latin > devanagari * 2
    }

    /// A line of the page's interface rather than its article: in a Hindi page, one written
    /// in Latin script (`Switch to English`, `Hindi News`, an English slug or kicker); a label
    /// ending with a colon or dash (`Edited By:`, `ताज़ा खबर -`).
    func isInterfaceLine(_ line: String, language: String) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if let last = trimmed.last, [":", "-", "–", "—", "ः"].contains(last) { return true }
        return isLatin(trimmed, language: language)
    }

    /// English words strung on Hindi grammar (`Bhilai में Encroachment पर Action, 60 से ...`):
    /// three function words or more make a Hindi line, however many Latin letters it has.
    static func writesHindiBetweenLatin(_ line: String) -> Bool {
        functionWordCount(line, language: "hi") >= 3
    }

    /// The first sentence of a paragraph, without its full stop (`।`, `.`, `|`).
    static func firstSentence(_ paragraph: String) -> String {
        var sentence = SentenceSplitter.sentences(in: paragraph).first ?? paragraph
        while let last = sentence.last, ["।", ".", "|", "॥", " "].contains(last) { sentence.removeLast() }
        return sentence
    }

    /// The date the page was published: `--date`, else a date line of the header, else the
    /// dateline's; a year only from the text or `--date`, never assumed.
    /// Of the header's complete dates, the one labelled as the publication date wins over an
    /// unlabelled one, which wins over an update, which wins over a date bar (`Friday, …`).
    func publicationDate(headerDates: [(date: HindiDate, line: Int, label: HindiDate.Label)], dateline: Dateline?, datelineLine: Int?,
                         laterDates: [(date: HindiDate, line: Int, label: HindiDate.Label)] = [],
                         body: [String], bodyLines: [Int] = [], url: String? = nil, file: String, options: ImportOptions,
                         diagnostics: inout [Diagnostic]) -> String? {
        var stated: (date: HindiDate, line: Int?)?
        func best(_ dates: [(date: HindiDate, line: Int, label: HindiDate.Label)]) -> (date: HindiDate, line: Int?)? {
            let complete = dates.filter { $0.date.isComplete }
            return (complete.first(where: { $0.label == .published }) ?? complete.first(where: { $0.label == .none })
                ?? complete.first(where: { $0.label == .updated }) ?? complete.first).map { ($0.date, $0.line) }
        }
        // A site's date bar (`Friday, January 23, 2026`) is often the day the page was shown:
        // the address's date, where it has one, comes first.
        if let found = best(headerDates.filter { $0.label != .dateBar }) {
            stated = found
        } else if let date = dateline?.date, let datelineLine {
            stated = (date, datelineLine)
        } else if let found = best(laterDates) {
            stated = found
        } else if let address = url, let date = HindiDate.inAddress(address) {
            stated = (date, nil)
        } else if let found = best(headerDates) {
            stated = found
        } else if headerDates.isEmpty, let (index, date) = body.prefix(2).enumerated().lazy
                    .compactMap({ item in HindiDate.today(in: item.element).map { (item.offset, $0) } }).first {
            // `आज दिनांक 30.06.2023 को ...`: the report's own today.
            stated = (date, bodyLines.count > index ? bodyLines[index] : nil)
        } else {
            stated = headerDates.first.map { ($0.date, $0.line) }
        }
        let givenYear = options.date.flatMap(ImportOptions.year)
        if let given = options.date, ISODate.isValid(given) {
            if let stated, let iso = stated.date.isComplete ? stated.date.iso : nil, iso != given {
                diagnostics.append(.warning(file, stated.line, "the page says \(stated.date); using --date \(given)"))
            }
            return given
        }
        if let stated {
            if let year = givenYear {
                if let statedYear = stated.date.year, statedYear != year {
                    diagnostics.append(.warning(file, stated.line, "the page says \(stated.date); using the year of --date \(year)"))
                }
                if let date = stated.date.inYear(year) { return date.iso }
            } else if let iso = stated.date.iso {
                return iso
            }
            let missing = stated.date.day == nil ? "the day" : "the year"
            diagnostics.append(.warning(file, stated.line, "the page says \(stated.date) without \(missing); date: left out",
                                        hint: stated.date.day == nil ? "pass --date YYYY-MM-DD" : "pass --date YYYY-MM-DD, or --date YYYY for the year"))
            return nil
        }
        let mentioned = body.flatMap { HindiDate.all(in: $0).map(\.date.description) }
        var seen = Set<String>()
        let distinct = mentioned.filter { seen.insert($0).inserted }.prefix(4)
        diagnostics.append(.warning(file, nil, "the page states no publication date; date: left out",
                                    hint: "pass --date YYYY-MM-DD" + (distinct.isEmpty ? "" : "; the text mentions \(distinct.joined(separator: ", "))")))
        return nil
    }

    /// `--source`; else the outlet of the address; a rule's `source:`; the dateline's or a
    /// sign-off's agency; the byline's outlet; the address's host.
    func source(page: CleanedPage, url: String?, dateline: Dateline?, options: ImportOptions) -> String? {
        if let source = options.source { return source }
        if let url, let name = rules.outletName(for: url) { return name }
        if let source = page.urlSource ?? page.ruleSource { return source }
        for agency in [dateline?.agency, page.signOffAgency].compactMap({ $0 }) where !agency.isEmpty {
            return rules.outletName(for: agency) ?? agency
        }
        if let byline = page.bylineSource { return rules.outletName(for: byline) ?? byline }
        if let url, let host = URLHost.of(url) { return host }
        return nil
    }

    /// Meetings whose participants (two or more) the article all names, held in the week
    /// before its date.
    func possibleMeetings(title: String, body: String, date: String?) -> [String] {
        guard let date, let published = ISODate.parse(date) else { return [] }
        let registry = annotator.registry
        let named = Set(ArticleID.rankedEntities(title: title, body: body, annotator: annotator).map { registry[$0].id })
        return registry.entities.filter { meeting in
            guard meeting.kind == .meeting, meeting.participants.count >= 2,
                  meeting.participants.allSatisfy(named.contains),
                  let held = meeting.date.flatMap(ISODate.parse) else { return false }
            let days = ImportCalendar.dayNumber(published) - ImportCalendar.dayNumber(held)
            return (0...7).contains(days)
        }.map(\.id)
    }
}

/// Day counts for comparing dates (days since 1 March of year 0, proleptic Gregorian).
private enum ImportCalendar {
    static func dayNumber(_ date: (year: Int, month: Int, day: Int)) -> Int {
        let year = date.month <= 2 ? date.year - 1 : date.year
        let month = date.month <= 2 ? date.month + 9 : date.month - 3
        return 365 * year + year / 4 - year / 100 + year / 400 + (153 * month + 2) / 5 + date.day - 1
    }
}
