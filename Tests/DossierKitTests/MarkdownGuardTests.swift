import Foundation
import Testing
@testable import DossierKit

/// The guard before cmark-gfm (issue 12): each construct on which Debian's 0.29.0.gfm.6 is
/// super-linear is bounded and reported at its line, rendering that part as text. Bounds are
/// asserted by size and shape; `make bench-hostile` compares 100 KB with 1 MB by time.
@Suite struct MarkdownGuardTests {
    static let registry = Registry([country("russia", "Russia", ["रूस"])])

    static func repeated(_ unit: String, bytes: Int) -> String {
        String(repeating: unit, count: bytes / unit.utf8.count)
    }

    /// The hostile constructs of the issue and the upstream advisories, at `bytes` each.
    static func constructs(bytes: Int) -> [(name: String, body: String)] {
        let header = "|" + String(repeating: "a|", count: 1_000) + "\n|" + String(repeating: "-|", count: 1_000) + "\n"
        var backticks = "", width = 1
        while backticks.utf8.count < bytes { backticks += "e" + String(repeating: "`", count: width); width = width % 4_000 + 1 }
        return [
            ("table", header + repeated("|x\n", bytes: bytes - header.utf8.count)),
            ("empty list items", repeated("-\n", bytes: bytes)),
            ("emphasis in block quotes", repeated("> *a\n", bytes: bytes)),
            ("empty items in block quotes", repeated("> -\n", bytes: bytes)),
            ("broken images", repeated("![[]()", bytes: bytes)),
            ("www autolinks", repeated("www._", bytes: bytes)),
            ("mixed emphasis", repeated("*a _a*_ ", bytes: bytes)),
            ("backticks", backticks),
            ("nested block quotes", repeated("> ", bytes: bytes) + "a"),
            ("nested quotes and lists", repeated("> - ", bytes: bytes) + "a"),
            ("nested links", String(repeating: "[", count: bytes / 5) + "a" + String(repeating: "](b)", count: bytes / 5)),
            ("reference expansion", "[x]: https://example.org/" + String(repeating: "a", count: 2_000) + "\n\n" + repeated("[x] ", bytes: bytes)),
            ("many references", (0..<bytes / 16).map { "[r\($0)] " }.joined() + "\n\n" + (0..<bytes / 16).map { "[r\($0)]: /u\($0)\n" }.joined()),
            ("unclosed comments", repeated("<!-- a ", bytes: bytes)),
            ("unclosed HTML blocks", repeated("<!--\n\n", bytes: bytes)),
            ("link openers", repeated("[a", bytes: bytes)),
            ("unclosed links", repeated("[a](<b", bytes: bytes)),
            ("one long sentence", repeated("रूस ", bytes: bytes)),
        ]
    }

    /// Every construct at 1 MB: annotated and rendered, its HTML within a small multiple of
    /// the text (the table made 6 GB at 30 KB), its warnings bounded.
    @Test(arguments: constructs(bytes: 1_000_000).map(\.name))
    func aMegabyteOfEachConstructStaysProportional(_ name: String) {
        let body = Self.constructs(bytes: 1_000_000).first { $0.name == name }!.body
        let result = Annotator(registry: Self.registry).annotate(article(body))
        #expect(result.bodyHTML.utf8.count < 20 * body.utf8.count, "\(name): \(result.bodyHTML.utf8.count) bytes of HTML")
        #expect(result.diagnostics.count <= MarkdownGuard.reportedWarnings + 1)
    }

    @Test func aTableOverTheCellBudgetIsTextWithAWarningAtItsDelimiterRow() {
        let header = "|" + String(repeating: "a|", count: 1_000) + "\n|" + String(repeating: "-|", count: 1_000) + "\n"
        let body = "Intro.\n\n" + header + String(repeating: "|x\n", count: 100)
        let result = Annotator(registry: Self.registry).annotate(article(body))
        #expect(!result.bodyHTML.contains("<table>"))
        #expect(result.bodyHTML.contains("|a|a|") && result.bodyHTML.contains("|-|-|"))
        #expect(result.diagnostics.map(\.description) == [
            "content/articles/a1.md:9: warning: table of 1000 columns and 100 rows would make 101000 cells (at most 50000 in this article); rendered as text (cmark-gfm fills every row to the header's width: give the table fewer columns or split it)",
        ])
        // Within the budget a table is a table, as before, and nothing is reported.
        let small = Annotator(registry: Self.registry).annotate(article("| a | b |\n|:--|--:|\n| रूस | 1 |\n| x |\n"))
        #expect(small.bodyHTML.contains("<table>") && small.bodyHTML.contains("<td align=\"right\"></td>") && small.diagnostics.isEmpty)
        #expect(small.mentions.count == 1)
    }

    @Test func bracketsLeftOpenPastTheLimitAreText() {
        let body = "रूस " + String(repeating: "![[]()", count: 1_000) + "\n\n[रूस](https://example.org) ![i](https://example.org/i.png)\n"
        let result = Annotator(registry: Self.registry).annotate(article(body))
        #expect(result.diagnostics.count == 1)
        #expect(result.diagnostics.first?.line == 6)
        #expect(result.diagnostics.first?.message.contains("brackets left open") == true)
        // The paragraph's links stop at the limit; the next paragraph is untouched.
        #expect(result.bodyHTML.components(separatedBy: "<a href=\"\"").count - 1 <= MarkdownGuard.bracketLimit)
        #expect(result.bodyHTML.contains("![[]()![[]()"))
        #expect(result.bodyHTML.contains("<a href=\"https://example.org\">रूस</a> <img src=\"https://example.org/i.png\" alt=\"i\" />"))
        #expect(result.mentions.count == 1)
    }

    @Test func wwwPastTheLimitInOneWordIsText() {
        let body = "see www.example.org and www.example.com\n" + String(repeating: "www._", count: 1_000) + "\n"
        let result = Annotator(registry: Self.registry).annotate(article(body))
        #expect(result.diagnostics.map(\.line) == [7])
        #expect(result.bodyHTML.components(separatedBy: "<a href=").count - 1 <= 2 + MarkdownGuard.autolinkLimit)
        #expect(result.bodyHTML.contains("<a href=\"http://www.example.org\">www.example.org</a>"))
        #expect(result.bodyHTML.contains(String(repeating: "www._", count: 20)))
    }

    @Test func delimiterRunsPastTheLimitInOneParagraphAreText() {
        let body = String(repeating: "*a _a*_ ", count: 1_000) + "\n\n*रूस*\n"
        let result = Annotator(registry: Self.registry).annotate(article(body))
        #expect(result.diagnostics.map(\.line) == [6])
        #expect(result.diagnostics.first?.message.contains("runs of *, _ or ~") == true)
        #expect(result.bodyHTML.contains(String(repeating: "*a _a*_ ", count: 100)))
        #expect(result.linkedHTML(Self.registry).contains("<em><a class=\"mention mention-country\""))
        // A list's items are paragraphs of their own: a long list of emphasis stays emphasis.
        let list = String(repeating: "- *a* and _b_\n", count: 1_500)
        let (text, warnings) = MarkdownGuard.bound(list, file: "x.md", bodyLine: 1)
        #expect(text == list && warnings.isEmpty)
        // Indented four spaces, a marker continues the paragraph: it does not start afresh.
        let lazy = "x\n" + String(repeating: "    - *a _a*_\n", count: 600)
        #expect(MarkdownGuard.bound(lazy, file: "x.md", bodyLine: 1).1.count == 1)
    }

    /// Quotes and list items past the depth limit are text, reported at their line: on one
    /// line, and by indentation over many lines. Up to the limit, nesting is as written.
    @Test func nestingPastTheLimitIsTextWithAWarningAtItsLine() {
        let limit = MarkdownGuard.nestingLimit
        func depth(_ html: String, _ tag: String) -> Int {
            var deepest = 0, open = 0
            var rest = Substring(html)
            while let range = rest.range(of: "<\(tag)>\n") ?? rest.range(of: "</\(tag)>") {
                let closing = rest[range].hasPrefix("</")
                if let other = rest.range(of: closing ? "<\(tag)>\n" : "</\(tag)>"), other.lowerBound < range.lowerBound {
                    open += closing ? 1 : -1
                    rest = rest[other.upperBound...]
                    deepest = max(deepest, open)
                    continue
                }
                open += closing ? -1 : 1
                deepest = max(deepest, open)
                rest = rest[range.upperBound...]
            }
            return deepest
        }
        let quotes = "रूस\n\n" + String(repeating: "> ", count: 100) + "रूस\n"
        let quoted = Annotator(registry: Self.registry).annotate(article(quotes))
        #expect(depth(quoted.bodyHTML, "blockquote") == limit)
        #expect(quoted.bodyHTML.contains(String(repeating: "&gt; ", count: 60 - limit)))
        #expect(quoted.diagnostics.map(\.line) == [8])
        #expect(quoted.diagnostics.first?.message.contains("nested more than \(limit) deep") == true)
        #expect(quoted.mentions.count == 2)
        // Quote markers with no text after them are nested quotes too.
        let bare = MarkdownGuard.bound(String(repeating: "> ", count: 100) + "\n", file: "x.md", bodyLine: 1)
        #expect(bare.1.count == 1 && depth(MarkdownDocument(parsing: bare.0).renderHTML(), "blockquote") == limit)
        // Items on one line: `- - - … a`.
        let items = String(repeating: "- ", count: 50) + "a\n"
        let listed = Annotator(registry: Self.registry).annotate(article(items))
        #expect(depth(listed.bodyHTML, "ul") == limit && listed.diagnostics.count == 1)
        // Items ever deeper by indentation, 200 lines: the lines past the limit are text, each reported (twenty and a sum).
        let indented = (0..<200).map { String(repeating: "  ", count: $0) + "* a" }.joined(separator: "\n") + "\n"
        let (text, warnings) = MarkdownGuard.bound(indented, file: "x.md", bodyLine: 1)
        #expect(warnings.count == MarkdownGuard.reportedWarnings + 1 && warnings.first?.line == 1 + limit)
        let html = MarkdownDocument(parsing: text).renderHTML()
        #expect(depth(html, "ul") == limit)
        // Mixed quotes and items count together; at the limit exactly, nothing changes.
        let mixed = String(repeating: "> - ", count: limit / 2) + "a\n"
        let same = MarkdownGuard.bound(mixed, file: "x.md", bodyLine: 1)
        #expect(same.0 == mixed && same.1.isEmpty)
        let deeper = String(repeating: "> - ", count: limit) + "a\n"
        #expect(MarkdownGuard.bound(deeper, file: "x.md", bodyLine: 1).1.count == 1)
        // A thematic break of many dashes is not a list.
        let rule = String(repeating: "- ", count: 100) + "\n"
        #expect(MarkdownGuard.bound(rule, file: "x.md", bodyLine: 1).1.isEmpty)
    }

    /// One long destination used again and again (509 MB of output from 1 MB): uses past the
    /// expansion budget are text, reported once; references within it are links as before.
    @Test func referenceExpansionPastTheBudgetIsText() {
        let url = "https://example.org/" + String(repeating: "a", count: 2_000)
        let body = "[x]: \(url)\n\n" + String(repeating: "[x] ", count: 1_000) + "\n\n```\n[x]\n```\n"
        let (text, warnings) = MarkdownGuard.bound(body, file: "x.md", bodyLine: 1)
        let budget = MarkdownGuard.expansionBudget(bytes: body.utf8.count)
        #expect(warnings.count == 1 && warnings.first?.line == 3)
        #expect(warnings.first?.message.contains("references expand to more than") == true)
        let html = MarkdownDocument(parsing: text).renderHTML()
        let links = html.components(separatedBy: "<a href=").count - 1
        #expect(links == budget / (url.utf8.count) && html.utf8.count < 2 * budget + 10 * body.utf8.count)
        #expect(text.hasSuffix("```\n[x]\n```\n"))
        // Many definitions, each used once, and short ones used often: unchanged.
        let many = (0..<2_000).map { "[r\($0)] " }.joined() + "\n\n" + (0..<2_000).map { "[R\($0)]: /u\($0)\n" }.joined()
        let unchanged = MarkdownGuard.bound(many, file: "x.md", bodyLine: 1)
        #expect(unchanged.0 == many && unchanged.1.isEmpty)
        #expect(MarkdownDocument(parsing: many).renderHTML().contains("<a href=\"/u1999\">r1999</a>"))
    }

    /// Text in fenced code is never changed, however it looks.
    @Test func fencedCodeIsLeftAsWritten() {
        let code = String(repeating: "[", count: 400) + String(repeating: "www._", count: 10) + "\n|a|b|\n|-|-|\n"
        let (text, warnings) = MarkdownGuard.bound("```\n" + code + "```\n", file: "x.md", bodyLine: 1)
        #expect(text == "```\n" + code + "```\n" && warnings.isEmpty)
    }

    /// The seed dossier's articles pass through unchanged.
    @Test func ordinaryArticlesAreUnchanged() throws {
        let folder = repositoryRoot + "/content/articles"
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) where name.hasSuffix(".md") {
            let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
            let (bounded, warnings) = MarkdownGuard.bound(text, file: name, bodyLine: 1)
            #expect(bounded == text && warnings.isEmpty, "\(name)")
        }
    }
}
