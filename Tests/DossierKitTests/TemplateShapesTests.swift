import Foundation
import Testing
@testable import DossierKit

/// Pages made by splicing a template's shape must be exactly what Mustache makes.
struct TemplateShapesTests {
    /// The default theme plus `extra` templates, loaded.
    func theme(_ extra: [String: String]) throws -> Theme {
        let root = temporaryFolder("shapes")
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.copyItem(atPath: repositoryRoot + "/templates", toPath: root + "/templates")
        writeFiles(extra.mapValues { $0 }, under: root + "/templates")
        return try Theme.load(directory: root + "/templates").get()
    }

    static let probe = """
        <h1>{{title}}</h1>{{#source}}<p class="s">{{source}}</p>{{/source}}{{^source}}<p>none</p>{{/source}}
        <ul>{{#items}}<li class="{{kind}}">{{{html}}} <span>{{count}}</span></li>{{/items}}</ul>
        {{#flag}}yes{{/flag}}{{^flag}}no{{/flag}} {{^empty(items)}}some{{/empty(items)}}{{#empty(items)}}empty{{/empty(items)}}
        {{#tags}}<b>{{.}}</b>{{/tags}} {{#nested}}{{inner.value}} {{title}}{{/nested}}
        """

    /// Contexts of a few shapes with awkward values: markup, quotes, Devanagari, empty
    /// strings, and the very text of a marker.
    func contexts() -> [[String: Any]] {
        let texts = ["रूस और \"उत्तर\" कोरिया", "<script>alert('x')</script> & co", "\u{E000}qQ0&<\"'\u{E001}", "plain", "a{{b}}c", "ok'"]
        var result: [[String: Any]] = []
        for round in 0..<30 {
            let pick = { (offset: Int) in texts[(round + offset) % texts.count] }
            var context: [String: Any] = ["title": pick(0), "flag": round % 2 == 0, "tags": [pick(1), pick(2)],
                                          "nested": ["inner": ["value": pick(3)]] as [String: Any]]
            if round % 3 != 0 { context["source"] = round % 5 == 0 ? "" : pick(4) }
            context["items"] = (0..<(round % 3)).map { index -> [String: Any] in
                ["kind": pick(index), "html": "<i>" + pick(index + 1) + "</i>", "count": round * 7 + index]
            }
            result.append(context)
        }
        return result
    }

    @Test func splicedPagesEqualMustachesOwn() throws {
        let theme = try theme(["probe.mustache": TemplateShapesTests.probe])
        #expect(theme.shapes.isEnabled)
        for context in contexts() {
            let expected = theme.library.render(context, withTemplate: "probe")
            #expect(theme.render(named: "probe", context) == expected)
        }
        // Splicing was used, not only Mustache.
        #expect(theme.shapes.splicedShapes(of: "probe") > 0)
    }

    @Test func themesThatTransformValuesAreInterpreted() throws {
        let theme = try theme(["probe.mustache": "<h1>{{uppercased(title)}}</h1>{{#items}}{{kind}}{{/items}}"])
        #expect(!theme.shapes.isEnabled)
        for context in contexts() {
            #expect(theme.render(named: "probe", context) == theme.library.render(context, withTemplate: "probe"))
        }
    }

    @Test func dynamicPartialsAreSeen() {
        #expect(TemplateShapes.hasDynamicPartial("a {{> *name}} b"))
        #expect(TemplateShapes.hasDynamicPartial("{{<*layout}}{{/layout}}"))
        #expect(!TemplateShapes.hasDynamicPartial("{{> chip}} {{*}}"))
    }

    /// The rows filled through their cuts (article list, tables of claims) are Mustache's
    /// own rendering of the default theme's templates, in every shape and with awkward values.
    @Test func rowCutsEqualMustachesOwn() throws {
        let theme = try theme([:])
        let texts = ["रूस और \"उत्तर\" कोरिया", "<b>a & b</b>", "plain", "it's"]
        let articleRows = Fragments.ArticleRowCuts(theme: theme)
        for (round, source) in [nil, "", "Agency & <Co>", "एजेंसी"].enumerated() {
            var summary = ArticleSummaryView(Article(id: "a\(round)", title: texts[round], date: "2024-10-0\(round + 1)", body: ""), root: "../")
            summary.source = source
            var html = ""
            articleRows.append(summary, to: &html, theme: theme)
            #expect(html == theme.render(.articlerow, summary))
            summary.title = ""
            html = ""
            articleRows.append(summary, to: &html, theme: theme)
            #expect(html == theme.render(.articlerow, summary))
        }
        let figureRows = Fragments.FigureRowCuts(theme: theme)
        for shape in 0..<32 {
            let pick = { (offset: Int) in texts[(shape + offset) % texts.count] }
            let row = FigureRowView(number: shape == 16 ? "" : "12,000", unit: pick(0), approximate: shape & 1 != 0, url: "../../articles/x/index.html#m3",
                                    title: pick(1), date: "2024-11-02", dateDisplay: "2 November 2024", subject: "troops sent",
                                    source: shape & 4 != 0 ? pick(2) : nil, claimant: shape & 2 != 0 ? "<a class=\"chip\">" + pick(3) + "</a>" : nil,
                                    sentence: shape & 8 != 0 ? pick(0) + " " + pick(1) : (shape == 17 ? "" : nil))
            var html = ""
            figureRows.append(row, to: &html, theme: theme)
            #expect(html == theme.render(.figurerow, row), "shape \(shape)")
        }
    }
}
