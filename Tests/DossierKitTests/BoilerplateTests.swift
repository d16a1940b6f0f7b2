import Foundation
import Testing
@testable import DossierKit

/// Boilerplate removal without rules for the outlet: every line of a page is decided by
/// general evidence, and every line left out says why. The pages in
/// Fixtures/boilerplate/ are our own (composed for these tests, not copied from any site),
/// each with the article lines a careful reader keeps in `<page>.article.txt`.
@Suite struct BoilerplateTests {
    static let fixtures = ImportTestKit.repositoryRoot + "/Tests/DossierKitTests/Fixtures/boilerplate"

    /// An importer with no rules at all: only the general mechanism.
    static func bareImporter() -> ArticleImporter {
        let (entities, _) = RegistryLoader.load(entitiesDirectory: ImportTestKit.seedContent + "/entities", displayPrefix: "entities")
        return ArticleImporter(rules: ImportRules(), registry: Registry(entities))
    }

    static func page(_ name: String) -> String { ImportTestKit.read(fixtures + "/\(name).txt") }

    static func articleLines(_ name: String) -> [String] {
        ImportTestKit.read(fixtures + "/\(name).article.txt").split(separator: "\n").map(String.init)
    }

    /// The reason given for raw line `number`, as its kind (`timestamp`, `byline`, ...).
    static func kind(_ article: ImportedArticle, _ number: Int) -> String? {
        article.lines.first { $0.line == number }?.reason?.kind
    }

    @Test func everyKindOfFurnitureIsDroppedWithItsReasonAndTheArticleIsKept() {
        let article = BoilerplateTests.bareImporter().importPage(BoilerplateTests.page("furniture-page"), rawName: "furniture-page.txt",
                                                                 file: "furniture-page.txt", options: ImportOptions())
        // All the article's lines, the one-sentence paragraph and the quote among them.
        #expect(article.paragraphs == BoilerplateTests.articleLines("furniture-page"))
        #expect(article.title == "उत्तर कोरिया ने रूस भेजे और सैनिक, सियोल ने जताई चिंता")
        #expect(article.place == "सियोल")
        // The labelled timestamp above the text is read for the date, not kept.
        #expect(article.date == "2024-03-12")
        #expect(article.lines.first { $0.line == 5 }?.fate == .date)
        let expected: [Int: String] = [
            1: "latin-interface",      // the page's address, in a page without rules
            2: "navigation",           // होम / दुनिया / एशिया
            3: "share-buttons",        // Facebook Twitter WhatsApp
            6: "byline",               // रिपोर्ट: सुनील वर्मा | नई दिल्ली
            10: "advertisement",       // Advertisement
            13: "credit",              // फोटो: रॉयटर्स
            14: "box-heading",         // ये भी पढ़ें:
            15: "box-heading",         // ... and the teaser's linked headline
            17: "advertisement",       // COMMERCIAL BREAK
            18: "advertisement",       // SCROLL TO CONTINUE READING
            22: "timestamp",           // First Published: 12 Mar 2024, 09:05 AM IST
            23: "low-function-words",  // a tag bar
            24: "call-to-action",      // the newsletter banner
            25: "box-heading",         // लेखक के बारे में
            26: "after-cut",           // the author's box
        ]
        for (number, kind) in expected.sorted(by: { $0.key < $1.key }) {
            #expect(BoilerplateTests.kind(article, number) == kind, "line \(number)")
        }
        // Nothing else is dropped, and every non-blank line has a fate.
        #expect(article.lines.filter { $0.reason != nil }.count == expected.count)
        #expect(article.lines.count == BoilerplateTests.page("furniture-page").split(separator: "\n").count)
    }

    @Test func anotherStorysHeadlineAboveTheHeadlineIsNotTheTitle() {
        let article = BoilerplateTests.bareImporter().importPage(BoilerplateTests.page("teaser-above-headline"), rawName: "t.txt",
                                                                 file: "t.txt", options: ImportOptions(date: "2024-03-12"))
        #expect(article.title == "किम जोंग उन ने नई पनडुब्बी का निरीक्षण किया")
        #expect(article.paragraphs == BoilerplateTests.articleLines("teaser-above-headline"))
        let expected: [Int: String] = [
            1: "box-heading", 2: "above-headline", 4: "navigation", 9: "credit", 10: "timestamp", 11: "byline",
            12: "share-buttons", 13: "box-heading", 14: "after-cut", 15: "after-cut",
        ]
        for (number, kind) in expected.sorted(by: { $0.key < $1.key }) {
            #expect(BoilerplateTests.kind(article, number) == kind, "line \(number)")
        }
    }

    /// A subheading ending in a colon and a list of points are the article's; a close
    /// button, a desk byline, a share widget, a copyright line and a tag bar are not.
    @Test func aSubheadingAndAListOfPointsStay() {
        let article = BoilerplateTests.bareImporter().importPage(BoilerplateTests.page("wire-digest"), rawName: "w.txt",
                                                                 file: "w.txt", options: ImportOptions())
        #expect(article.paragraphs == BoilerplateTests.articleLines("wire-digest"))
        #expect(article.title == "जापान और दक्षिण कोरिया ने समुद्री अभ्यास शुरू किया")
        #expect(article.date == "2024-04-02")
        let expected: [Int: String] = [
            1: "latin-interface", 2: "label", 4: "byline", 6: "latin-interface", 16: "credit", 18: "latin-interface",
            19: "low-function-words", 20: "latin-interface",
        ]
        for (number, kind) in expected.sorted(by: { $0.key < $1.key }) {
            #expect(BoilerplateTests.kind(article, number) == kind, "line \(number)")
        }
        #expect(article.lines.filter { $0.reason != nil }.count == expected.count)
    }

    /// The dossier's rules and the general evidence agree on our pages: the same text.
    @Test(arguments: ["furniture-page", "teaser-above-headline", "wire-digest"])
    func theDossiersRulesKeepTheSameText(_ name: String) {
        let article = ImportTestKit.importer().importPage(BoilerplateTests.page(name), rawName: name + ".txt", file: name + ".txt",
                                                          options: ImportOptions(date: "2024-03-12"))
        #expect(article.paragraphs == BoilerplateTests.articleLines(name))
        // Where a rule decides, its place in the rules file is the reason.
        if name == "furniture-page" {
            #expect(article.lines.first { $0.line == 13 }?.reason?.description.hasPrefix("rule captions: at ") == true)
        }
    }

    /// With no rules at all, each seed page gives the curated article's text, NDTV's
    /// bracketed disclaimer left out as a note.
    @Test(arguments: ImportSeedTests.seeds)
    func theSeedsLoseNoArticleLineWithoutAnyRules(_ seed: ImportSeedTests.Seed) throws {
        let article = BoilerplateTests.bareImporter().importPage(ImportTestKit.read(ImportTestKit.seedContent + "/raw/" + seed.raw),
                                                                 rawName: seed.raw, file: seed.raw, options: seed.options)
        let curated = try #require(ImportTestKit.curatedArticle(raw: seed.raw))
        #expect(ImportTestKit.normalised(ArticleMarkdown.body(article.paragraphs))
                == ImportTestKit.normalised(ImportTestKit.withoutAnnotations(curated.body)))
        #expect(article.title == curated.title)
        #expect(article.place == curated.place)
    }

    // MARK: - The outlet's furniture

    /// Three pages of one outlet: a promo paragraph on all three (text that would be kept on
    /// its own) and a slogan on two; a line on one page only.
    static func outletPage(_ n: Int, promo: Bool = true, slogan: Bool = true, host: String = "khabar.example.in") -> String {
        let stories = [
            ("रूस ने उत्तर कोरिया के साथ नए समझौते पर हस्ताक्षर किए",
             "मॉस्को, 3 जून (एजेंसी)। रूस और उत्तर कोरिया ने बुधवार को रक्षा सहयोग के एक नए समझौते पर हस्ताक्षर किए, जिसके तहत दोनों देश संयुक्त अभ्यास करेंगे।",
             "विदेश मंत्रालय के प्रवक्ता ने कहा कि यह समझौता किसी तीसरे देश के खिलाफ नहीं है और इससे क्षेत्र में स्थिरता आएगी।"),
            ("दक्षिण कोरिया ने सीमा पर निगरानी बढ़ाई",
             "सियोल, 4 जून (एजेंसी)। दक्षिण कोरिया की सेना ने गुरुवार को कहा कि उसने उत्तरी सीमा पर निगरानी बढ़ा दी है क्योंकि वहां सैनिकों की आवाजाही देखी गई है।",
             "सेना के एक अधिकारी ने बताया कि स्थिति पर लगातार नजर रखी जा रही है और किसी भी उकसावे का जवाब दिया जाएगा।"),
            ("जापान ने मिसाइल परीक्षण पर विरोध जताया",
             "टोक्यो, 5 जून (एजेंसी)। जापान सरकार ने शुक्रवार को उत्तर कोरिया के ताजा मिसाइल परीक्षण का कड़ा विरोध किया और इसे क्षेत्र की सुरक्षा के लिए खतरा बताया।",
             "प्रधानमंत्री कार्यालय ने कहा कि जापान इस मुद्दे पर अमेरिका और दक्षिण कोरिया के साथ मिलकर काम करेगा।"),
        ]
        let (title, first, second) = stories[n]
        var lines = ["https://\(host)/world/story-\(n)", title, first]
        if slogan { lines.append("खबर एक्सप्रेस हर पल आपके साथ") }
        if promo { lines.append("खबर एक्सप्रेस की हर खबर की पुष्टि हमारे संवाददाता करते हैं और हम किसी भी गलती को तुरंत सुधारते हैं।") }
        lines.append(second)
        if n == 0 { lines.append("बैठक के बाद दोनों पक्षों ने संयुक्त बयान जारी किया।") }
        return lines.joined(separator: "\n") + "\n"
    }

    static let promo = "खबर एक्सप्रेस की हर खबर की पुष्टि हमारे संवाददाता करते हैं और हम किसी भी गलती को तुरंत सुधारते हैं।"
    static let slogan = "खबर एक्सप्रेस हर पल आपके साथ"

    func importOutlet(_ pages: [String], inRaw: [String] = [], importing: [Int]? = nil) throws -> [ImportOutcome] {
        let folder = ImportTestKit.contentFolder()
        defer { ImportTestKit.remove(folder.root) }
        var files: [String] = []
        for (index, text) in pages.enumerated() {
            let file = folder.root + "/page-\(index).txt"
            try text.write(toFile: file, atomically: true, encoding: .utf8)
            files.append(file)
        }
        for (index, text) in inRaw.enumerated() {
            try text.write(toFile: folder.content + "/raw/old-\(index).txt", atomically: true, encoding: .utf8)
        }
        let report = ImportRun.run(ImportRequest(files: importing.map { $0.map { files[$0] } } ?? files, content: folder.content,
                                                 options: ImportOptions(date: "2024-06-05"), dryRun: true))
        #expect(report.succeeded, "\(report.outcomes.flatMap(\.diagnostics))")
        return report.outcomes
    }

    @Test func linesAnOutletPrintsOnMostOfItsPagesAreItsFurniture() throws {
        let pages = [BoilerplateTests.outletPage(0), BoilerplateTests.outletPage(1), BoilerplateTests.outletPage(2, slogan: false)]
        let outcomes = try importOutlet(pages)
        #expect(outcomes.count == 3)
        for outcome in outcomes {
            let paragraphs = outcome.article?.paragraphs ?? []
            #expect(!paragraphs.contains(BoilerplateTests.promo))
            #expect(!paragraphs.contains(BoilerplateTests.slogan))
            #expect(paragraphs.count >= 2)
            let promo = outcome.lines.first { $0.text == BoilerplateTests.promo }
            #expect(promo?.reason == .repeatedOnOutlet(host: "khabar.example.in", pages: 3, of: 3))
        }
        let slogan = outcomes[0].lines.first { $0.text == BoilerplateTests.slogan }
        #expect(slogan?.reason == .repeatedOnOutlet(host: "khabar.example.in", pages: 2, of: 3))
        #expect(slogan?.reason?.description == "repeated on outlet khabar.example.in (on 2 of its 3 pages)")
        // A line of one page only is the article's.
        #expect(outcomes[0].article?.paragraphs.last == "बैठक के बाद दोनों पक्षों ने संयुक्त बयान जारी किया।")
    }

    @Test func onePageAloneTeachesNothingAndOtherOutletsDoNotCount() throws {
        // Alone, the promo reads as text and is kept: what drops it is the other pages.
        let alone = try importOutlet([BoilerplateTests.outletPage(0)])
        #expect(alone.first?.article?.paragraphs.contains(BoilerplateTests.promo) == true)
        // The same lines on another outlet's pages say nothing of this one.
        let mixed = try importOutlet([BoilerplateTests.outletPage(0), BoilerplateTests.outletPage(1, host: "other.example.org"),
                                      BoilerplateTests.outletPage(2, host: "third.example.net")])
        for outcome in mixed { #expect(outcome.article?.paragraphs.contains(BoilerplateTests.promo) == true) }
    }

    @Test func theOutletsPagesInRawTeachItsFurniture() throws {
        // Two pages of the outlet imported before (in content/raw/), the third imported now;
        // the mobile host is the same outlet.
        let outcomes = try importOutlet([BoilerplateTests.outletPage(2, host: "m.khabar.example.in")],
                                        inRaw: [BoilerplateTests.outletPage(0), BoilerplateTests.outletPage(1)])
        let outcome = try #require(outcomes.first)
        #expect(outcome.article?.paragraphs.contains(BoilerplateTests.promo) == false)
        #expect(outcome.lines.first { $0.text == BoilerplateTests.slogan }?.reason
                == .repeatedOnOutlet(host: "khabar.example.in", pages: 3, of: 3))
    }

    // MARK: - --explain

    @Test func explainListsEveryDroppedLineWithItsNumberAndReason() throws {
        let article = BoilerplateTests.bareImporter().importPage(BoilerplateTests.page("teaser-above-headline"), rawName: "t.txt",
                                                                 file: "t.txt", options: ImportOptions(date: "2024-03-12"))
        let lines = ImportExplanation.lines(file: "raw/t.txt", decisions: article.lines)
        #expect(lines.first == "raw/t.txt: kept title line 3; dateline line 5; body lines 5, 6, 7, 8; dropped 10 lines")
        #expect(lines.contains("raw/t.txt:4: navigation (breadcrumb or menu): \"Home › World › Asia\""))
        #expect(lines.contains("raw/t.txt:10: timestamp: \"5 घंटे पहले\""))
        #expect(lines.contains("raw/t.txt:2: above the headline: \"मुंबई में भारी बारिश से लोकल ट्रेनें रुकीं\""))
        #expect(lines.count == 11)
    }

    // MARK: - The classifier alone

    @Test func jusTextClassesForHindiLines() {
        let classifier = BoilerplateClassifier()
        #expect(classifier.classify("रूस और उत्तर कोरिया ने बुधवार को रक्षा सहयोग के एक नए समझौते पर हस्ताक्षर किए।") == .good)
        #expect(classifier.classify("बैठक दो घंटे चली।") == .nearGood)
        #expect(classifier.classify("क्या कहा किम ने") == .short)
        #expect(classifier.classify("उत्तर कोरिया रूस यूक्रेन पुतिन किम सियोल मॉस्को") == .bad(.lowFunctionWords(density: 0)))
        #expect(classifier.classify("Switch to English") == .bad(.latinInterface))
        #expect(classifier.classify("Last Updated: 10:45 AM IST") == .bad(.timestamp))
        #expect(classifier.classify("By Rahul Sharma") == .bad(.byline) || classifier.classify("By Rahul Sharma") == .bad(.latinInterface))
        #expect(classifier.classify("[पुतिन](https://example.in/putin) [किम](https://example.in/kim) [सियोल](https://example.in/seoul)") == .bad(.linkList))
        // Not a tag bar: a sentence of names with the words that bind them.
        #expect(classifier.classify("किम जोंग उन ने पुतिन से मुलाकात की और दोनों नेताओं ने समझौते पर बात की।") == .good)
    }

    /// A line that is one bracketed span is a note about the story, wherever it stands; a
    /// sentence that only starts or ends with a bracket is text.
    @Test func aWholeLineInBracketsIsANote() {
        let classifier = BoilerplateClassifier()
        let good = "रूस और उत्तर कोरिया ने बुधवार को रक्षा सहयोग के एक नए समझौते पर हस्ताक्षर किए।"
        let note = "(हेडलाइन के अलावा, इस खबर को हमारी टीम ने संपादित नहीं किया है, यह सिंडीकेट फीड से सीधे प्रकाशित की गई है।)"
        #expect(classifier.classify(note) == .bad(.editorNote))
        #expect(classifier.classify("(इनपुट: भाषा)।") == .bad(.editorNote))
        #expect(classifier.classify("[अस्वीकरण: यह लेख केवल जानकारी के लिए है।]") == .bad(.editorNote))
        #expect(classifier.decide([good, note], numbers: [1, 2]) == [nil, .editorNote])
        // Two spans, or a bracket that closes before the end: running text.
        #expect(classifier.classify("(क) रूस और उत्तर कोरिया ने बुधवार को रक्षा सहयोग के एक नए समझौते पर हस्ताक्षर किए (ख)।") == .good)
        #expect(classifier.classify("(सोल) रूस और उत्तर कोरिया ने बुधवार को रक्षा सहयोग के एक नए समझौते पर हस्ताक्षर किए।") == .good)
    }

    /// A writer's name between double dandas signs the piece: a byline, not text.
    @Test func aNameBetweenDoubleDandasIsAByline() {
        let classifier = BoilerplateClassifier()
        #expect(classifier.classify("।। सुरेश चंद्र वर्मा।।") == .bad(.byline))
        #expect(classifier.classify("॥ राम प्रसाद ॥") == .bad(.byline))
        // A verse or a sentence between them is not a name.
        #expect(classifier.classify("।। रूस और उत्तर कोरिया ने बुधवार को रक्षा सहयोग के नए समझौते पर हस्ताक्षर किए।।") != .bad(.byline))
    }

    @Test func aShortLineIsKeptOnlyBetweenText() {
        let classifier = BoilerplateClassifier()
        let good = "रूस और उत्तर कोरिया ने बुधवार को रक्षा सहयोग के एक नए समझौते पर हस्ताक्षर किए।"
        let other = "दोनों देशों के अधिकारियों ने कहा कि यह समझौता किसी तीसरे देश के खिलाफ नहीं है।"
        // A subheading between paragraphs stays...
        #expect(classifier.decide([good, "क्या कहा किम ने", other], numbers: [1, 2, 3]) == [nil, nil, nil])
        // ... the same line after the text, or among furniture, does not.
        #expect(classifier.decide([good, other, "क्या कहा किम ने"], numbers: [1, 2, 3]) == [nil, nil, .shortNotText])
        #expect(classifier.decide(["Switch to English", "क्या कहा किम ने", "Advertisement", good], numbers: [1, 2, 3, 4])
                == [.latinInterface, .shortNotText, .advertisement, nil])
        // Headlines in a row outside the text are a list of other stories.
        #expect(classifier.decide([good, "दिल्ली में प्रदूषण का स्तर फिर बढ़ा", "शेयर बाजार में भारी गिरावट दर्ज"], numbers: [1, 2, 3])
                == [nil, .teaserList, .teaserList])
        // A near-good sentence next to text stays; between furniture it goes.
        #expect(classifier.decide([good, "बैठक दो घंटे चली।"], numbers: [1, 2]) == [nil, nil])
        #expect(classifier.decide(["Advertisement", "बैठक दो घंटे चली।", "Share"], numbers: [1, 2, 3])
                == [.advertisement, .sentenceOutsideText, .latinInterface])
    }

    /// The function words are words the common-word list (measured on wordfreq's Hindi data)
    /// holds, not guesses; and their density tells text from a list of names.
    @Test func theFunctionWordsAreMeasuredCommonWords() {
        let common = Set(CommonWords.list.split(whereSeparator: \.isWhitespace).map(String.init))
        let missing = FunctionWords.hindi.filter { !common.contains($0) }
        #expect(missing.isEmpty, "\(missing.sorted())")
        let text = LineEvidence("दक्षिण कोरिया की सेना ने कहा कि मिसाइल समुद्र में गिरी।")
        #expect(text.words == 11)
        #expect(text.functionWords == 5)
        #expect(text.endsSentence)
        let tags = LineEvidence("Tags: उत्तर कोरिया, रूस, सर्गेई लावरोव")
        #expect(tags.functionWords == 0 && !tags.endsSentence)
    }
}
