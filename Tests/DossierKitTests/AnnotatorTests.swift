import Testing
@testable import DossierKit

@Suite struct AnnotatorTests {
    let registry = Registry([
        country("russia", "Russia", ["रूस"]),
        country("north-korea", "North Korea", ["उत्तर कोरिया"]),
        person("kim-jong-un", "Kim Jong-un", ["किम जोंग-उन", "किम"]),
        person("kim-yong-hyun", "Kim Yong-hyun", ["किम योंग-ह्यून", "किम"]),
        Entity(kind: .meeting, id: "2024-11-29-talks", name: "Talks", date: "2024-11-29"),
    ])

    func annotate(_ body: String, title: String = "शीर्षक") -> AnnotatedArticle {
        Annotator(registry: registry).annotate(article(body, title: title))
    }

    func linked(_ result: AnnotatedArticle) -> [String] {
        result.mentions.map { "\(result.text(of: $0))=\(registry[$0.entity].id)" }
    }

    @Test func linksAliasesInTextWithClassAndAnchor() {
        let result = annotate("रूस और उत्तर कोरिया।\n")
        #expect(linked(result) == ["रूस=russia", "उत्तर कोरिया=north-korea"])
        #expect(result.linkedHTML(registry).contains("<a class=\"mention mention-country\" id=\"m1\" href=\"../../countries/russia/index.html\""))
        #expect(result.linkedHTML(registry).contains("id=\"m2\""))
        #expect(result.mentions.allSatisfy { $0.auto })
    }

    @Test func neverInsideCodeLinksImagesOrRawHTML() {
        let result = annotate("`रूस` [रूस](https://x.org) ![रूस](i.png) <span>रूस</span>\n\n```\nरूस\n```\n")
        #expect(linked(result) == [])
        #expect(!result.linkedHTML(registry).contains("mention"))
    }

    @Test func explicitAnnotationWinsAndIsMarkedNotAuto() {
        let result = annotate("[किम](person:kim-yong-hyun) ने [बैठक](meeting:2024-11-29-talks) में रूस से कहा।\n")
        #expect(linked(result) == ["किम=kim-yong-hyun", "बैठक=2024-11-29-talks", "रूस=russia"])
        #expect(result.mentions.map(\.auto) == [false, false, true])
        #expect(result.diagnostics.isEmpty)
        #expect(result.linkedHTML(registry).contains("meetings/2024-11-29-talks/index.html"))
    }

    @Test func noneMarksASpanThatIsNotAnEntity() {
        let result = annotate("[रूस](none:) नाम का होटल और रूस।\n")
        #expect(linked(result) == ["रूस=russia"])
        #expect(result.linkedHTML(registry).hasPrefix("<p>रूस नाम का होटल"))
    }

    @Test func unknownIdIsAnErrorWithSuggestionAndLine() {
        let result = annotate("पहली पंक्ति\n\n[किम](person:kim-jong-on) ने कहा।\n")
        #expect(result.diagnostics.count == 1)
        let message = result.diagnostics[0].description
        #expect(message == "content/articles/a1.md:8: unknown person \"kim-jong-on\" (did you mean kim-jong-un?)")
        #expect(!result.linkedHTML(registry).contains("person:"))
    }

    @Test func ambiguousAliasResolvedWhenArticleNamesOnlyOne() {
        let result = annotate("किम योंग-ह्यून ने कहा। बाद में किम ने जोड़ा।\n")
        #expect(linked(result) == ["किम योंग-ह्यून=kim-yong-hyun", "किम=kim-yong-hyun"])
    }

    @Test func ambiguousAliasResolvedBySameSentenceThenTitleThenNearest() {
        let body = "किम जोंग-उन ने कहा।\n\nकिम योंग-ह्यून ने कहा। किम ने फिर कहा।\n\nकिम ने यह भी कहा।\n"
        // Title names Kim Jong-un: the third paragraph's किम follows the title.
        let result = annotate(body, title: "किम जोंग-उन की बैठक")
        #expect(linked(result) == ["किम जोंग-उन=kim-jong-un", "किम योंग-ह्यून=kim-yong-hyun", "किम=kim-yong-hyun", "किम=kim-jong-un"])
        // Without a deciding title, the nearest earlier full name in the same block decides; none → left unlinked.
        let plain = annotate(body)
        #expect(linked(plain) == ["किम जोंग-उन=kim-jong-un", "किम योंग-ह्यून=kim-yong-hyun", "किम=kim-yong-hyun"])
        #expect(plain.diagnostics.count == 1)
        #expect(plain.diagnostics[0].severity == .warning)
        #expect(plain.diagnostics[0].description.contains("ambiguous \"किम\" could be kim-jong-un or kim-yong-hyun"))
        #expect(plain.diagnostics[0].line == 10)
    }

    @Test func ambiguousAliasWithoutContextIsReportedNotGuessed() {
        let result = annotate("किम ने कहा।\n")
        #expect(result.mentions.isEmpty)
        #expect(result.diagnostics.map(\.severity) == [.warning])
    }

    @Test func mentionRecordsItsSentenceAndRange() {
        let result = annotate("पहला वाक्य है। फिर रूस ने कहा। अंत।\n")
        #expect(result.sentences == ["फिर रूस ने कहा।"])
        let mention = result.mentions[0]
        let sentence = Array(result.sentences[Int(mention.sentence)].utf8)
        #expect(String(decoding: sentence[Int(mention.start)..<Int(mention.end)], as: UTF8.self) == "रूस")
        #expect(mention.line == 6)
    }

    @Test func mentionSpanningEmphasisKeepsSentence() {
        let result = annotate("*रूस* और **उत्तर कोरिया** ने\nकहा।\n")
        #expect(linked(result) == ["रूस=russia", "उत्तर कोरिया=north-korea"])
        #expect(result.sentences == ["रूस और उत्तर कोरिया ने कहा।"])
        #expect(result.linkedHTML(registry).contains("<em><a class=\"mention mention-country\""))
    }

    @Test func htmlInTitlesAndNamesIsEscaped() {
        let hostile = Registry([person("x", "<b>X</b>\"", ["एक्स"])])
        let result = Annotator(registry: hostile).annotate(article("एक्स ने <i>कहा</i>\n"))
        #expect(result.linkedHTML(hostile).contains("title=\"&lt;b&gt;X&lt;/b&gt;&quot;\""))
        #expect(!result.linkedHTML(hostile).contains("<i>"))
    }
}

/// GFM table cells cannot hold cmark's custom nodes: mentions there were dropped with their
/// text (and their anchors, which entity pages link to).
@Suite struct TableCellMentionTests {
    @Test func mentionsInTableCellsKeepTheirTextAndAnchors() {
        let registry = Registry([country("russia", "Russia", ["रूस"])])
        let result = Annotator(registry: registry).annotate(article("| a | b |\n|---|---|\n| रूस | x |\n| y रूस z | [रू](country:russia) w |\n"))
        #expect(result.mentions.count == 3)
        for anchor in 1...3 { #expect(result.linkedHTML(registry).contains("id=\"m\(anchor)\""), "m\(anchor)") }
        #expect(result.linkedHTML(registry).contains("<td><a class=\"mention mention-country\" id=\"m1\" href=\"../../countries/russia/index.html\" title=\"Russia\" data-entity=\"country:russia\">रूस</a></td>"))
        #expect(result.linkedHTML(registry).contains("<td>y <a class=\"mention mention-country\" id=\"m2\""))
        #expect(result.linkedHTML(registry).contains(">रू</a> w</td>"))
        #expect(!result.linkedHTML(registry).unicodeScalars.contains { (0xFDD0...0xFDD6).contains($0.value) })
    }

    /// Character references to the markers in a code block's info string (cmark decodes them
    /// there) once spliced a copy of a mention's link into the page: a second `id="m1"` and a
    /// stray `</a>`. They are removed with a warning at their line, like a bidi override.
    @Test func markersCannotBeForgedThroughCharacterReferences() {
        let registry = Registry([country("russia", "Russia", ["रूस"])])
        let body = "| a |\n|---|\n| रूस |\n\n```&#xFDD0;0&#xFDD1;x&#xFDD2;&#x202E;y\ncode\n```\n\n[t](https://example.org \"&#xFDD0;0&#xFDD1;\") ![i&#xFDD0;0&#xFDD1;](https://example.org/i.png)\n"
        let result = Annotator(registry: registry).annotate(article(body))
        let html = result.linkedHTML(registry)
        #expect(html.components(separatedBy: "id=\"m1\"").count == 2, "\(html)")
        #expect(html.components(separatedBy: "<a ").count == html.components(separatedBy: "</a>").count, "\(html)")
        #expect(html.contains("<pre><code class=\"language-0xy\">code\n</code></pre>"), "\(html)")
        #expect(!html.unicodeScalars.contains { InvisibleControls.isRemoved($0) })
        let lines = result.diagnostics.filter { $0.message.contains("U+FDD0") }.compactMap(\.line)
        #expect(lines == [10, 14, 14], "\(result.diagnostics)")
        #expect(result.diagnostics.contains { $0.line == 10 && $0.message.contains("U+202E") })
    }
}
