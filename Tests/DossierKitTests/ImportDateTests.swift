import Testing
@testable import DossierKit

/// Dates and datelines as Hindi pages write them.
@Suite struct ImportDateTests {
    @Test func bothSpellingsOfEveryMonthWithTwo() {
        let pairs: [(String, String, Int)] = [
            ("फरवरी", "फ़रवरी", 2), ("अप्रैल", "अप्रेल", 4), ("सितंबर", "सितम्बर", 9),
            ("अक्टूबर", "अक्तूबर", 10), ("नवंबर", "नवम्बर", 11), ("दिसंबर", "दिसम्बर", 12),
        ]
        for (one, other, month) in pairs {
            #expect(HindiDate.leading("2 \(one)")?.date == HindiDate(year: nil, month: month, day: 2))
            #expect(HindiDate.leading("2 \(other)")?.date == HindiDate(year: nil, month: month, day: 2))
        }
        // Decomposed nukta (फ + ़) reads the same as the precomposed letter.
        #expect(HindiDate.leading("3 फ\u{93C}रवरी 2024")?.date.iso == "2024-02-03")
    }

    @Test func theFormsPagesUse() {
        #expect(HindiDate.dateLine("22/10/2024")?.iso == "2024-10-22")
        #expect(HindiDate.leading("2 नवंबर (आईएएनएस)")?.date == HindiDate(year: nil, month: 11, day: 2))
        #expect(HindiDate.leading("13 सितंबर को रूसी सुरक्षा परिषद")?.date == HindiDate(year: nil, month: 9, day: 13))
        #expect(HindiDate.dateLine("नवम्बर 2024") == HindiDate(year: 2024, month: 11, day: nil))
        #expect(HindiDate.dateLine("नवंबर 2024") == HindiDate(year: 2024, month: 11, day: nil))
        #expect(HindiDate.dateLine("2 नवंबर, 2024")?.iso == "2024-11-02")
        #expect(HindiDate.dateLine("November 2, 2024")?.iso == "2024-11-02")
        #expect(HindiDate.dateLine("२२/१०/२०२४")?.iso == "2024-10-22")
        #expect(HindiDate.dateLine("प्रकाशित: 5 नवंबर 2024, 10:15 AM IST")?.iso == "2024-11-05")
        #expect(HindiDate.dateLine("Updated: 2024-11-30")?.iso == "2024-11-30")
    }

    /// English forms as the devset's outlets print them (eval/devset/README.md).
    @Test func englishFormsWithLabelsAndTimes() {
        let lines: [(String, String)] = [
            ("Nov 2, 2024", "2024-11-02"),
            ("Nov. 2, 2024", "2024-11-02"),
            ("2 November 2024", "2024-11-02"),
            ("02 Nov 2024", "2024-11-02"),
            ("November 02, 2024 10:35 IST", "2024-11-02"),
            ("Updated: 05 Nov 2024, 3:04 PM", "2024-11-05"),
            ("Publish Date - October 18, 2024 / 02:58 PM IST,", "2024-10-18"),
            ("| Updated on: Oct 14, 2024 | 7:44 PM", "2024-10-14"),
            ("Updated on: June 20, 2024 14:06 IST", "2024-06-20"),
            ("FIRST PUBLISHED : June 19, 2024, 17:02 IST", "2024-06-19"),
            ("Friday, October 18, 2024", "2024-10-18"),
            ("Published: Sun, Dec 14, 2025 08:03 am IST", "2025-12-14"),
            ("27-12-2025, 05:38", "2025-12-27"),
            ("प्रकाशित: 5 नवंबर 2024, 10:15 AM IST", "2024-11-05"),
            ("अपडेट: 22 अक्तूबर 2024 12:30", "2024-10-22"),
            ("अपडेटेड: 22 अक्टूबर 2024", "2024-10-22"),
        ]
        for (line, iso) in lines { #expect(HindiDate.dateLine(line)?.iso == iso, "\(line)") }
        // Two on one line: the publication date, wherever it comes.
        #expect(HindiDate.dateLine("Modified Date: October 20, 2024 / 11:00 AM IST, Published Date : October 18, 2024 / 02:58 PM IST")?.iso
                == "2024-10-18")
        #expect(HindiDate.labelledDates("Updated On - October 19, 2024 / 09:00 AM IST")?.first?.label == .updated)
        #expect(HindiDate.labelledDates("प्रकाशित: 5 नवंबर 2024")?.first?.label == .published)
        #expect(HindiDate.labelledDates("Friday, October 18, 2024")?.first?.label == .dateBar)
        // Glued to other text, or a sentence: not a date line.
        #expect(HindiDate.dateLine("Dec 14, 2025 08:03 am IST राम कुमार लाइव हिन्दुस्तान") == nil)
        #expect(HindiDate.dateLine("Updated: रूस ने कहा") == nil)
    }

    @Test func thePublicationDateWinsOverAnUpdateAndUILinesAreNoTitle() {
        let page = """
            Hindi News
            Switch to English
            Updated: 07 Nov 2024, 3:04 PM
            Published: 05 Nov 2024, 10:00 AM
            Edited By:
            रूस ने उत्तर कोरिया के साथ सैन्य सहयोग बढ़ाया
            मॉस्को: रूस और उत्तर कोरिया ने नए समझौते पर बात की। दोनों देशों के अधिकारी मिले।
            """
        let article = ImportTestKit.importer().importPage(page, rawName: "x.txt", file: "x.txt",
                                                           options: ImportOptions(url: "https://news.example.in/world/x"))
        #expect(article.date == "2024-11-05")
        #expect(article.title == "रूस ने उत्तर कोरिया के साथ सैन्य सहयोग बढ़ाया")
        #expect(!article.draft)
        // No outlet named on the page: the address's host.
        #expect(article.source == "news.example.in")
        // A site's date bar (the day the page was shown) loses to the article's own date.
        let shown = ImportTestKit.importer().importPage("Friday, October 18, 2024\nUpdated on: June 20, 2024 14:06 IST\n"
                                                        + "पुतिन ने किम को कार भेंट की\nप्योंगयांग: पुतिन ने किम को एक कार भेंट की। दोनों ने बात की।\n",
                                                        rawName: "y.txt", file: "y.txt", options: ImportOptions())
        #expect(shown.date == "2024-06-20")
    }

    @Test func notDates() {
        #expect(HindiDate.dateLine("31/02/2024") == nil)
        #expect(HindiDate.dateLine("उत्तर कोरिया 2024 में") == nil)
        #expect(HindiDate.dateLine("22/10/2024 को बैठक हुई") == nil)
        #expect(HindiDate.all(in: "रूस में 10,000 उत्तर कोरियाई सैनिक हैं, जिनमें से 8,000 को").isEmpty)
        #expect(HindiDate.all(in: "पिछले 18 महीनों से").isEmpty)
    }

    @Test func findsEveryDateInAText() {
        let found = HindiDate.all(in: "13 सितंबर को यात्रा हुई और 14 सितम्बर को केसीएनए ने बताया; नवम्बर 2024 में फिर।")
        #expect(found.map(\.date.description) == ["13 September", "14 September", "November 2024"])
    }

    @Test func aYearCompletesADayAndMonth() {
        #expect(HindiDate(year: nil, month: 11, day: 2).inYear(2024)?.iso == "2024-11-02")
        #expect(HindiDate(year: nil, month: 2, day: 29).inYear(2023) == nil)
        #expect(HindiDate(year: 2024, month: 11, day: nil).iso == nil)
    }

    @Test func datelines() throws {
        let ians = try #require(Dateline.parse("सियोल, 2 नवंबर (आईएएनएस)। साउथ कोरिया और कनाडा के रक्षा मंत्रियों ने निंदा की।"))
        #expect(ians.place == "सियोल")
        #expect(ians.date == HindiDate(year: nil, month: 11, day: 2))
        #expect(ians.agency == "आईएएनएस")
        #expect(ians.rest == "साउथ कोरिया और कनाडा के रक्षा मंत्रियों ने निंदा की।")

        let alone = try #require(Dateline.parse("सोल:"))
        #expect(alone.place == "सोल" && alone.rest.isEmpty && alone.date == nil && alone.agency == nil)

        let dash = try #require(Dateline.parse("काठमाण्डौ,नेपाल –\u{A0}उत्तर कोरिया रूस के साथ सैन्य सहयोग की तैयारी कर रहा है ।"))
        #expect(dash.place == "काठमाण्डौ")
        #expect(dash.region == "नेपाल")
        #expect(dash.rest == "उत्तर कोरिया रूस के साथ सैन्य सहयोग की तैयारी कर रहा है ।")

        let pti = try #require(Dateline.parse("नई दिल्ली, 5 दिसम्बर (भाषा) रूस ने कहा कि वार्ता जारी रहेगी।"))
        #expect(pti.place == "नई दिल्ली" && pti.agency == "भाषा" && pti.date == HindiDate(year: nil, month: 12, day: 5))
        #expect(pti.rest == "रूस ने कहा कि वार्ता जारी रहेगी।")

        // The month before the day, as some wires write it; the month is no region.
        let monthDay = try #require(Dateline.parse("मॉस्को, दिसम्बर 27 (भाषा)। रूस ने कहा कि प्रतिबंध अवैध हैं।"))
        #expect(monthDay.place == "मॉस्को" && monthDay.region == nil && monthDay.agency == "भाषा")
        #expect(monthDay.date == HindiDate(year: nil, month: 12, day: 27))
        #expect(monthDay.rest == "रूस ने कहा कि प्रतिबंध अवैध हैं।")
        let doubleDash = try #require(Dateline.parse("मॉस्को, दिसम्बर 27 -- रूस ने ड्रोन गिराए।"))
        #expect(doubleDash.place == "मॉस्को" && doubleDash.rest == "रूस ने ड्रोन गिराए।")
        let english = try #require(Dateline.parse("सियोल, Nov. 3, 2024: उत्तर कोरिया ने मिसाइल दागी।"))
        #expect(english.place == "सियोल" && english.date == HindiDate(year: 2024, month: 11, day: 3))

        let fullStop = try #require(Dateline.parse("मॉस्को। उत्तर कोरिया की विदेश मंत्री पहुंचीं।", opening: true))
        #expect(fullStop.place == "मॉस्को")
        #expect(Dateline.parse("मॉस्को। उत्तर कोरिया की विदेश मंत्री पहुंचीं।") == nil)
    }

    @Test func sentencesAreNotDatelines() {
        for line in [
            "उत्तर कोरिया के नेता किम जोंग-उन ने रूस के रक्षा मंत्री से मुलाकात की.",
            "उन्होंने कहा: हम तैयार हैं।",
            "13 सितंबर को रूसी सुरक्षा परिषद के सचिव सर्गेई शोइगु ने प्योंगयांग की यात्रा की।",
            "दक्षिण कोरिया की सुत्राे के अनुसार, नाटो महासचिव मार्क रुटे और युन ने बातचीत की।",
            "अमेरिका (एपी) ने कहा कि बातचीत होगी।",
            "प्रकाशित: 5 नवंबर 2024",
            "दक्षिण कोरिया का दावा: रूस में उत्तर कोरिया के 11 हजार से ज्यादा सैनिक",
        ] {
            #expect(Dateline.parse(line, opening: true) == nil, "\(line)")
        }
    }
}
