import Testing
@testable import DossierKit

/// One raw page to one article: structure, metadata, escaping, ids.
@Suite struct ImportPageTests {
    let importer = ImportTestKit.importer()

    func page(_ text: String, options: ImportOptions = ImportOptions()) -> ImportedArticle {
        importer.importPage(text, rawName: "page.txt", file: "raw/page.txt", options: options)
    }

    @Test func aRepeatedLedeIsKeptOnceWhereItComesLast() {
        let article = page("""
            रूस के रक्षा मंत्री प्योंगयांग पहुंचे, किम से मिले
            यह बैठक ऐसे समय में हुई जब सोल और वाशिंगटन चिंता जता रहे हैं.
            विज्ञापन
            सोल:
            रूस के रक्षा मंत्री आंद्रेई बेलौसोव ने शुक्रवार को किम जोंग-उन से मुलाकात की.
            यह बैठक ऐसे समय में हुई जब सोल और वाशिंगटन चिंता जता रहे हैं.
            केसीएनए ने बैठक की तस्वीरें जारी कीं.
            """, options: ImportOptions(date: "2024-11-30"))
        #expect(article.paragraphs == [
            "रूस के रक्षा मंत्री आंद्रेई बेलौसोव ने शुक्रवार को किम जोंग-उन से मुलाकात की.",
            "यह बैठक ऐसे समय में हुई जब सोल और वाशिंगटन चिंता जता रहे हैं.",
            "केसीएनए ने बैठक की तस्वीरें जारी कीं.",
        ])
        #expect(article.place == "सोल")
        #expect(article.diagnostics.contains { $0.line == 2 && $0.message.contains("repeated") })
    }

    @Test func aParagraphOfMegabytesIsReadLikeAShortOne() {
        // The dateline is read from the head of the line; the rest follows whole.
        let sentence = "दक्षिण कोरिया की सेना ने कहा कि मिसाइल समुद्र में गिरी। "
        let long = String(repeating: sentence, count: 8_000)
        let article = page("प्योंगयांग, 10 जनवरी (एएनआई)। " + long + "\nकिम ने कहा *ठीक* है।\n", options: ImportOptions(date: "2025"))
        #expect(article.place == "प्योंगयांग")
        #expect(article.date == "2025-01-10")
        #expect(article.paragraphs.count == 2)
        #expect(article.paragraphs.first == String(long.dropLast()))
        #expect(ArticleMarkdown.escape(article.paragraphs[1]) == "किम ने कहा \\*ठीक\\* है।")
    }

    @Test func withoutAHeadlineTheTitleIsTheFirstSentenceAfterTheDateline() {
        let article = page("""
            प्योंगयांग, 10 जनवरी (एएनआई)। उत्तर कोरिया ने नई मिसाइल का परीक्षण किया। जापान ने विरोध जताया।
            दक्षिण कोरिया की सेना ने कहा कि मिसाइल समुद्र में गिरी।
            """, options: ImportOptions(date: "2025"))
        #expect(article.title == "उत्तर कोरिया ने नई मिसाइल का परीक्षण किया")
        #expect(article.paragraphs.first == "उत्तर कोरिया ने नई मिसाइल का परीक्षण किया। जापान ने विरोध जताया।")
        #expect(article.place == "प्योंगयांग")
        #expect(article.date == "2025-01-10")
        #expect(article.source == "ANI")
        #expect(article.diagnostics.contains { $0.severity == .warning && $0.line == 1 && $0.message.contains("no headline") })
    }

    @Test func sectionLabelsAboveTheHeadlineAreNotText() {
        let article = page("""
            दुनिया

            उत्तर कोरिया ने रूस का दिया साथ

            रूस और यूक्रेन के बीच जंग जारी है और इसी बीच किम जोंग ने शोइगू से मुलाकात की।
            """, options: ImportOptions(date: "2023-07-27"))
        #expect(article.title == "उत्तर कोरिया ने रूस का दिया साथ")
        #expect(article.paragraphs.count == 1)
    }

    @Test func aCutOffBeforeTheArticleDropsOnlyItself() {
        let article = page("""
            Related Articles
            उत्तर कोरिया ने रूस का दिया साथ
            रूस और यूक्रेन के बीच जंग जारी है और इसी बीच किम जोंग ने शोइगू से मुलाकात की।
            Related Articles
            किसी और खबर का शीर्षक
            """, options: ImportOptions(date: "2023-07-27"))
        #expect(article.title == "उत्तर कोरिया ने रूस का दिया साथ")
        #expect(article.paragraphs == ["रूस और यूक्रेन के बीच जंग जारी है और इसी बीच किम जोंग ने शोइगू से मुलाकात की।"])
    }

    @Test func signOffsCaptionsAndSourceLinesGoAndNameTheFacts() {
        let article = page("""
            शोइगु की प्योंगयांग यात्रा पूरी
            सियोल, 14 सितम्बर (आईएएनएस)। सर्गेई शोइगु ने किम जोंग-उन से मुलाकात की।
            किम जोंग-उन और सर्गेई शोइगु हवाई अड्डे पर। (फोटो: केसीएनए) |
            दोनों पक्षों ने रणनीतिक वार्ता पर चर्चा की।
            स्रोत: https://www.ndtv.com/world-news/shoigu-kim-123
            --आईएएनएस
            एससीएच/एमके
            """, options: ImportOptions(date: "2024"))
        #expect(article.paragraphs == ["सर्गेई शोइगु ने किम जोंग-उन से मुलाकात की।", "दोनों पक्षों ने रणनीतिक वार्ता पर चर्चा की।"])
        #expect(article.url == "https://www.ndtv.com/world-news/shoigu-kim-123")
        // The address's outlet wins over the agency of the dateline.
        #expect(article.source == "NDTV")
        #expect(article.date == "2024-09-14")
    }

    @Test func optionsWinAndDisagreementsAreReported() {
        let text = """
            उत्तर कोरिया ने रूस में सेना भेजने की तैयारी की
            22/10/2024
            काठमाण्डौ,नेपाल – उत्तर कोरिया रूस के साथ सैन्य सहयोग की तैयारी कर रहा है।
            """
        let article = page(text, options: ImportOptions(date: "2024-10-23", source: "Nepal Times", url: "https://example.org/a"))
        #expect(article.date == "2024-10-23")
        #expect(article.source == "Nepal Times")
        #expect(article.url == "https://example.org/a")
        #expect(article.diagnostics.contains { $0.line == 2 && $0.message.contains("using --date 2024-10-23") })
    }

    @Test func aMonthWithoutADayIsNotADate() {
        let article = page("""
            नवम्बर 2024
            उत्तर कोरिया ने रूस के साथ सहयोग बढ़ाया और दोनों देशों ने समझौते किए।
            """)
        #expect(article.date == nil)
        #expect(article.diagnostics.contains { $0.line == 1 && $0.message.contains("without the day") })
        #expect(!article.id.hasPrefix("2024"))
    }

    @Test func markdownInTheTextIsEscaped() {
        #expect(ArticleMarkdown.escape("यह *अहम* है [1] <b> & _x_") == "यह \\*अहम\\* है \\[1\\] \\<b> \\& \\_x\\_")
        #expect(ArticleMarkdown.escape("# शीर्षक") == "\\# शीर्षक")
        #expect(ArticleMarkdown.escape("1. पहला") == "1\\. पहला")
        #expect(ArticleMarkdown.escape("2024 में") == "2024 में")
        #expect(ArticleMarkdown.escape("- सूची") == "\\- सूची")
        let document = MarkdownDocument(parsing: ArticleMarkdown.body(["1. यह *अहम* है", "# नहीं"]))
        #expect(document.renderHTML() == "<p>1. यह *अहम* है</p>\n<p># नहीं</p>\n")
    }

    @Test func frontMatterValuesAreQuotedWhereYAMLNeedsIt() {
        #expect(ArticleMarkdown.scalar("NDTV") == "NDTV")
        #expect(ArticleMarkdown.scalar("नेपाल-भारत सिमा") == "नेपाल-भारत सिमा")
        #expect(ArticleMarkdown.scalar("Báo Quốc tế") == "Báo Quốc tế")
        #expect(ArticleMarkdown.scalar("yes") == "\"yes\"")
        #expect(ArticleMarkdown.scalar("A: B") == "\"A: B\"")
        #expect(ArticleMarkdown.scalar("2024") == "\"2024\"")
        #expect(ArticleMarkdown.quoted("कहा \"हां\" \\ ना") == "\"कहा \\\"हां\\\" \\\\ ना\"")
        let (article, diagnostics) = ArticleLoader.parse(
            "---\ntitle: \(ArticleMarkdown.quoted("'दोस्ताना' और \"भरोसेमंद\": बैठक"))\ndate: 2024-11-30\n---\nपाठ\n",
            id: "a", file: "a.md")
        #expect(diagnostics.isEmpty)
        #expect(article?.title == "'दोस्ताना' और \"भरोसेमंद\": बैठक")
    }

    @Test func transliterationMakesReadableASCII() {
        #expect(Transliteration.ascii("प्योंगयांग") == "pyongyang")
        #expect(Transliteration.ascii("किम") == "kim")
        #expect(Transliteration.ascii("शोइगु") == "shoigu")
        #expect(Transliteration.ascii("उत्तर कोरिया") == "uttar koriya")
        #expect(Transliteration.ascii("Báo Quốc tế") == "bao quoc te")
        #expect(ArticleID.slug("2024-11-02 Kim, Blair!") == "2024-11-02-kim-blair")
    }

    @Test func shortNamesComeFromTheAliasesTheArticlesUse() {
        func short(_ name: String, _ aliases: [String]) -> String {
            ArticleID.shortName(Entity(kind: .person, id: "x", name: name, aliases: aliases))
        }
        #expect(short("Kim Jong-un", ["किम जोंग-उन", "किम"]) == "kim")
        #expect(short("Bill Blair", ["बिल ब्लेयर", "ब्लेयर"]) == "blair")
        #expect(short("Yoon Suk-yeol", ["इउन सुक-योल", "युन"]) == "yoon")
        #expect(short("Mark Rutte", ["मार्क रूट", "रूट"]) == "rutte")
        #expect(short("Jane Doe", ["जेन डो"]) == "doe")
    }

    @Test func withoutRegisteredNamesTheIdTransliteratesTheTitle() {
        let article = page("""
            हिमालय में भारी बर्फबारी से रास्ते बंद
            देहरादून, 3 जनवरी 2025 (भाषा)। पहाड़ों पर भारी बर्फबारी के कारण कई रास्ते बंद हो गए।
            """)
        #expect(article.date == "2025-01-03")
        #expect(article.id == "2025-01-03-himalay-bhari-barphbari-raste-band")
        #expect(Slug.isValid(article.id))
    }

    @Test func aPageOfBoilerplateOnlyIsAnError() {
        let article = page("spot_img\nRead Time: 2 mins\nविज्ञापन\n")
        #expect(article.hasErrors)
        #expect(article.diagnostics.contains { $0.message.contains("no article text") })
    }

    /// Pages nobody wrote rules for put a kicker before the headline's colon, a desk or a
    /// weekday where a dateline goes, and the place again in brackets: none of them is a
    /// place or an outlet.
    @Test func kickersDesksAndWeekdaysAreNoDatelines() {
        let body = "सेना ने बताया कि सीमा पर हालात अब सामान्य हैं और गश्त बढ़ा दी गई है।"
        for kicker in ["Bihar News: ", "EXCLUSIVE: ", "उत्तर कोरिया: ", "बलिया : ", "मंत्री बोले- "] {
            let article = page(kicker + "सीमा पर गश्त बढ़ी, हालात सामान्य\n" + body + "\n", options: ImportOptions(date: "2025-01-02"))
            #expect(article.title == kicker + "सीमा पर गश्त बढ़ी, हालात सामान्य", "\(kicker)")
            #expect(article.place == nil, "\(kicker)")
            #expect(article.paragraphs == [body], "\(kicker)")
        }
        for desk in ["नेशनल डेस्क: ", "ब्रेकिंग: ", "Video: ", "Breaking News : "] {
            let article = page("सीमा पर गश्त बढ़ी, हालात सामान्य\n" + desk + body + "\n", options: ImportOptions(date: "2025-01-02"))
            #expect(article.place == nil, "\(desk)")
            #expect(article.title == "सीमा पर गश्त बढ़ी, हालात सामान्य", "\(desk)")
            // The label is not text either.
            #expect(article.paragraphs == [body], "\(desk)")
        }
        // A hyphen inside a word opens no label, and a speaker's words stay.
        for line in ["Covid-19 के मामले फिर बढ़े और अस्पतालों में भीड़ लग गई है।", "मंत्री बोले- सीमा पर हालात अब सामान्य हैं और गश्त बढ़ा दी गई है।"] {
            let article = page("सीमा पर गश्त बढ़ी, हालात सामान्य\n" + line + "\n", options: ImportOptions(date: "2025-01-02"))
            #expect(article.paragraphs == [line])
        }
        let dated = page("सीमा पर गश्त बढ़ी, हालात सामान्य\nWednesday, 20 April, 2022\n" + body + "\n")
        #expect(dated.place == nil)
        #expect(dated.date == "2022-04-20")
        // A real dateline still counts, with its agency; a generic word or the place spelled
        // again in Latin letters is no outlet.
        let agency = page("सीमा पर गश्त बढ़ी, हालात सामान्य\nबलिया (भाषा): " + body + "\n", options: ImportOptions(date: "2025-01-02"))
        #expect(agency.place == "बलिया")
        #expect(agency.source == "PTI")  // the rules name the agency
        for bracket in ["एजेंसी", "PALAMU"] {
            let article = page("सीमा पर गश्त बढ़ी, हालात सामान्य\nपलामू (\(bracket)) : " + body + "\n", options: ImportOptions(date: "2025-01-02"))
            #expect(article.place == "पलामू", "\(bracket)")
            #expect(article.source == nil, "\(bracket)")
            #expect(article.paragraphs == [body], "\(bracket)")
        }
    }

    /// A teaser cut short by an ellipsis repeats the start of the paragraph it leads to: kept
    /// once, where the paragraph is whole.
    @Test func aTeaserCutShortIsTheParagraphItStarts() {
        let lede = "सेना ने बताया कि सीमा पर हालात अब सामान्य हैं और गश्त बढ़ा दी गई है।"
        let other = "अधिकारियों ने लोगों से अफवाहों पर ध्यान न देने की अपील की है।"
        for cut in [" […]", "...", " …"] {
            let teaser = "सेना ने बताया कि सीमा पर हालात अब" + cut
            let article = page("सीमा पर गश्त बढ़ी, हालात सामान्य\n" + teaser + "\n" + lede + "\n" + other + "\n", options: ImportOptions(date: "2025-01-02"))
            #expect(article.paragraphs == [lede, other], "\(cut)")
            #expect(article.diagnostics.contains { $0.line == 2 && $0.message.contains("repeated") }, "\(cut)")
        }
        // A sentence that ends with an ellipsis of its own, starting no later paragraph, stays.
        let trailing = "बातचीत अभी जारी है और आगे क्या होगा यह कहना मुश्किल है..."
        let kept = page("सीमा पर गश्त बढ़ी, हालात सामान्य\n" + lede + "\n" + trailing + "\n", options: ImportOptions(date: "2025-01-02"))
        #expect(kept.paragraphs == [lede, trailing])
    }

    /// A headline may ask or exclaim; the date may come below the first paragraph, or behind
    /// a byline.
    @Test func questionHeadlinesAndDatesBelowTheLede() {
        let body = "सेना ने बताया कि सीमा पर हालात अब सामान्य हैं और गश्त बढ़ा दी गई है।"
        let asked = page("क्या सीमा पर फिर बढ़ेगा तनाव?\n" + body + "\n", options: ImportOptions(date: "2025-01-02"))
        #expect(asked.title == "क्या सीमा पर फिर बढ़ेगा तनाव?")
        #expect(asked.paragraphs == [body])
        let below = page("सीमा पर गश्त बढ़ी, हालात सामान्य\n" + body + "\nPublished: 13 Dec 2025, 7:53 AM IST\n" + body.replacingOccurrences(of: "सेना", with: "पुलिस") + "\n")
        #expect(below.date == "2025-12-13")
        let bylined = page("सीमा पर गश्त बढ़ी, हालात सामान्य\nPublished By : Admin | November 26, 2019 | 19:34 IST\n" + body + "\n")
        #expect(bylined.date == "2019-11-26")
        let posted = page("सीमा पर गश्त बढ़ी, हालात सामान्य\nPosted on June 25, 2025 by admin\n" + body + "\n")
        #expect(posted.date == "2025-06-25")
        let zoned = page("सीमा पर गश्त बढ़ी, हालात सामान्य\nMon, 25 Jun 2025 10:15:00 +0530\n" + body + "\n")
        #expect(zoned.date == "2025-06-25")
        let short = page("सीमा पर गश्त बढ़ी, हालात सामान्य\n3 दिसं॰ 2025\n" + body + "\n")
        #expect(short.date == "2025-12-03")
        #expect(HindiDate.dateLine("15 अग. 2024")?.iso == "2024-08-15")
        #expect(HindiDate.dateLine("5 जन 2024") == nil)
        let danda = page("सीमा पर गश्त बढ़ी, हालात सामान्य\n26 दिसंबर 2025 ।\n" + body + "\n")
        #expect(danda.date == "2025-12-26")
        // The report's own today, with a stray space in the date; a date it only mentions is not its date.
        let today = page("सीमा पर गश्त बढ़ी, हालात सामान्य\nआज दिनांक 30.06. 2023 को " + body + "\n")
        #expect(today.date == "2023-06-30")
        let mentioned = page("सीमा पर गश्त बढ़ी, हालात सामान्य\nदिनांक 30.06.2023 को " + body + "\n")
        #expect(mentioned.date == nil)
        #expect(mentioned.place == nil)
    }

    /// What unseen outlets print around the headline: a menu of names above it, English
    /// words on Hindi grammar with section labels after it, the headline twice, a
    /// standfirst that is the report's first sentence again, a one-line headline with a
    /// full stop.
    @Test func menusLabelsAndRepeatsAroundTheHeadline() {
        let body = "बिहार के कई जिलों में बाढ़ से हालात बिगड़ गए हैं और प्रशासन ने राहत शिविर खोले हैं।"
        let options = ImportOptions(date: "2025-01-02")
        let menu = page("Top News उत्तर प्रदेश बिहार झारखंड राष्ट्रीय\nबिहार में बाढ़ से हालात बिगड़े, राहत शिविर खुले\n" + body + "\n", options: options)
        #expect(menu.title == "बिहार में बाढ़ से हालात बिगड़े, राहत शिविर खुले")
        #expect(menu.paragraphs == [body])
        #expect(menu.lines.contains { $0.line == 1 && $0.reason == .navigation })
        let mixed = page("Patna में Flood पर Alert, 20 से ज्यादा गांव पानी में | Breaking | Bihar\n" + body + "\n", options: options)
        #expect(mixed.title == "Patna में Flood पर Alert, 20 से ज्यादा गांव पानी में")
        #expect(mixed.paragraphs == [body])
        // A headline keeps a second part that is a clause of its own.
        #expect(ArticleImporter.withoutTrailingLabels("बाढ़ से हालात बिगड़े | राहत के लिए सेना बुलाई गई", language: "hi")
            == "बाढ़ से हालात बिगड़े | राहत के लिए सेना बुलाई गई")

        let headline = "बिहार में बाढ़ से हालात बिगड़े, राहत शिविर खुले"
        let standfirst = "बिहार के कई जिलों में बाढ़ से हालात बिगड़ गए हैं और प्रशासन ने राहत शिविर खोले हैं;"
        let twice = page([headline, standfirst, "Update: 2025-01-02 10:35 GMT", headline, "पटना। " + body, "राहत शिविरों में खाने और दवाओं का इंतजाम किया गया है।"]
            .joined(separator: "\n") + "\n")
        #expect(twice.title == headline)
        #expect(twice.place == "पटना")
        #expect(twice.paragraphs == [body, "राहत शिविरों में खाने और दवाओं का इंतजाम किया गया है।"])
        // A teaser of the headline and the standfirst's first words, run together and cut.
        let teaser = page([headline + " बिहार के कई जिलों में बाढ़ से...", headline, body, "पटना: राहत शिविरों में खाने और दवाओं का इंतजाम किया गया है।"]
            .joined(separator: "\n") + "\n", options: options)
        #expect(teaser.title == headline)
        #expect(teaser.paragraphs.first == body)
        // Only a whole word repeats: `... खोले हैं` does not start `... खोले हैंडपंप ...`.
        let word = page([headline, "प्रशासन ने राहत शिविर खोले है", "प्रशासन ने राहत शिविर खोले हैंडपंप भी लगाए और लोगों को बाहर निकाला गया।"]
            .joined(separator: "\n") + "\n", options: options)
        #expect(!word.lines.contains { decision in
            guard decision.line == 2, case .repeatedOnPage = decision.reason else { return false }
            return true
        })

        let stopped = page("अतिक्रमण पर चला नगर निगम का बुलडोजर, हुई सख्त कार्रवाई।\n" + body + "\n", options: options)
        #expect(stopped.title == "अतिक्रमण पर चला नगर निगम का बुलडोजर, हुई सख्त कार्रवाई")
        #expect(stopped.paragraphs == [body])
        #expect(!stopped.diagnostics.contains { $0.message.contains("no headline") })
        // A report that opens with its dateline keeps its first line.
        let dated = page("पटना। " + body + "\nराहत शिविरों में खाने और दवाओं का इंतजाम किया गया है।\n", options: options)
        #expect(dated.paragraphs.count == 2)
    }

    /// A verse line under the headline is not the headline; hashtag kickers before other
    /// stories' headlines are a list of them; a fact check's `दावा:` is no place.
    @Test func versesHashtagListsAndClaims() {
        let headline = "मंत्री ने सदन में पढ़ी कविता, किसानों के लिए की बड़ी घोषणा"
        let body = "सरकार किसानों को सोलर पंप देगी और सूखा ग्रस्त जिलों के विकास पर काम करेगी।"
        let options = ImportOptions(date: "2025-01-02")
        let verse = page([headline, "बजट भाषण में मंत्री ने एक कविता पढ़ी जिसके जरिए उन्होंने कहा", "“हमारा वतन खिलते हुए बाग जैसा,", "नदियों में बहते पानी जैसा,", body]
            .joined(separator: "\n") + "\n", options: options)
        #expect(verse.title == headline)
        let tags = page(headline + "\n" + body + "\n#NAVRATRI: मां दुर्गा की पूजा का शुभ मुहूर्त जानें #DIWALI : दीये जलाने का सही समय क्या है\n", options: options)
        #expect(tags.paragraphs == [body])
        let claim = page(headline + "\nदावा: " + body + "\n", options: options)
        #expect(claim.place == nil)
        #expect(BoilerplateClassifier.hashtagKickers("#IPL2024: मैच आज #WhatsApp पर खबर") == 1)
    }

    /// Where the place is printed apart from the report's first words: alone above the
    /// headline, after the outlet's name, after a staff reporter's label, before a second mark.
    @Test func placesPrintedApartFromTheReport() {
        let headline = "बिहार में बाढ़ से हालात बिगड़े, राहत शिविर खुले"
        let body = "बिहार के कई जिलों में बाढ़ से हालात बिगड़ गए हैं और प्रशासन ने राहत शिविर खोले हैं।"
        let options = ImportOptions(date: "2025-01-02")
        let alone = page("गोंडा,\n" + headline + "\n" + body + "\n", options: options)
        #expect(alone.place == "गोंडा")
        #expect(alone.title == headline)
        #expect(alone.paragraphs == [body])
        for (line, place) in [("जन आवाज़ न्यूज़ हरदोई। " + body, "हरदोई"), ("नई दिल्ली। : " + body, "नई दिल्ली"),
                              ("(जौनपुर): " + body, "जौनपुर"), ("N.V. न्यूज़ रायपुर : " + body, "रायपुर"),
                              ("स्टाफ रिपोर्टर, एबीसी न्यूज़ : " + body, nil)] {
            let article = page(headline + "\n" + line + "\n", options: options)
            #expect(article.place == place, "\(line)")
            #expect(article.paragraphs == [body], "\(line)")
        }
        // Reporters' names over the report do not take its first paragraph out of the opening.
        let names = page(headline + "\nअतुल त्यागी, मुकेश सैनी\nहापुड़। " + body + "\n", options: options)
        #expect(names.place == "हापुड़")
        #expect(names.paragraphs == [body])
        // But a place and a full stop after the first paragraph are a sentence's.
        #expect(page(headline + "\n" + body + "\nपटना। राहत शिविरों में खाने और दवाओं का इंतजाम किया गया है।\n", options: options).place == nil)
        // A reporter's name over the dateline; the place before a desk's label.
        let reporter = page(headline + "\nराजेश कुमार—\nगाजियाबाद। " + body + "\n", options: options)
        #expect(reporter.place == "गाजियाबाद")
        #expect(reporter.paragraphs == [body])
        let desk = page(headline + "\nमुंबई, डिजिटल डेस्क: " + body + "\n", options: options)
        #expect(desk.place == "मुंबई")
        #expect(desk.paragraphs == [body])
        // A sentence with a date in it is no dateline, and keeps its words.
        let sentence = "मौसम विभाग ने 4 अगस्त को सुबह तक भारी बारिश की चेतावनी जारी की है।"
        let warned = page(headline + "\n" + sentence + "\n", options: options)
        #expect(warned.place == nil)
        #expect(warned.paragraphs == [sentence])
        // A section name is no place, nor is a sentence's start.
        #expect(page("देश-विदेश\n" + headline + "\n" + body + "\n", options: options).place == nil)
        #expect(Dateline.placeAlone("उन्होंने कहा:") == nil)
    }

    /// The address's date wins over a site's date bar; a menu's `- भारत` above the report
    /// signs nothing off.
    @Test func addressDatesAndMenuItemsAboveTheReport() {
        let headline = "बिहार में बाढ़ से हालात बिगड़े, राहत शिविर खुले"
        let body = "बिहार के कई जिलों में बाढ़ से हालात बिगड़ गए हैं और प्रशासन ने राहत शिविर खोले हैं।"
        for (address, date) in [("https://example.com/news/2025/03/27/flood", "2025-03-27"), ("https://example.com/flood-story/27/03/2025", "2025-03-27"),
                                ("https://example.com/flood-22-may-2019", "2019-05-22"), ("https://example.com/a/flood-2023-09-13", "2023-09-13")] {
            let article = page("Friday, January 23, 2026\n" + headline + "\n" + body + "\n", options: ImportOptions(url: address))
            #expect(article.date == date, "\(address)")
        }
        #expect(page("Friday, January 23, 2026\n" + headline + "\n" + body + "\n", options: ImportOptions(url: "https://example.com/flood")).date == "2026-01-23")
        let menu = page(headline + "\n" + body + "\n- भारत\n" + "राहत शिविरों में खाने और दवाओं का इंतजाम किया गया है और डॉक्टर तैनात हैं।\n",
                        options: ImportOptions(date: "2025-01-02"))
        #expect(menu.source == nil)
        let signed = page(headline + "\n" + body + "\n- भाषा\n", options: ImportOptions(date: "2025-01-02"))
        #expect(signed.source == "PTI")
    }

    /// An agency credited in brackets with a dash, and an English disclaimer, at the end.
    @Test func creditsAndDisclaimersAtTheEnd() {
        let body = "बिहार के कई जिलों में बाढ़ से हालात बिगड़ गए हैं और प्रशासन ने राहत शिविर खोले हैं।"
        let article = page("बिहार में बाढ़ से हालात बिगड़े, राहत शिविर खुले\n" + body + "\n( Source – PTI )\nDisclaimer : यह खबर सोशल मीडिया से मिली है और इसकी पुष्टि हम नहीं करते।\n",
                           options: ImportOptions(date: "2025-01-02"))
        #expect(article.paragraphs == [body])
        #expect(article.source == "PTI")
        // A credit in brackets after the last sentence; a "see the next page" line.
        let options = ImportOptions(date: "2025-01-02")
        let generic = page("बिहार में बाढ़ से हालात बिगड़े, राहत शिविर खुले\n" + body + "(एजेंसी)\nअगले पेज पर देखिए राहत शिविरों की सूची\n", options: options)
        #expect(generic.paragraphs == [body])
        #expect(generic.source == nil)
        let named = page("बिहार में बाढ़ से हालात बिगड़े, राहत शिविर खुले\n" + body + " (IANS)\n", options: options)
        #expect(named.paragraphs == [body])
        #expect(named.source == "IANS")
        // A bracket that is the sentence's own is no credit.
        #expect(ArticleImporter.trailingCredit("राहत शिविरों की सूची जिला प्रशासन ने जारी की है। (देखें सूची)") == nil)
        #expect(ArticleImporter.trailingCredit("सूची जारी की गई है। (भाषा)")?.credit == "भाषा")
    }
}
