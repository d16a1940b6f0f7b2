import Foundation
import Testing
@testable import DossierKit

@Suite struct MarkdownDocumentTests {
    @Test func rendersGFMExtensions() {
        let html = MarkdownDocument(parsing: "| a | b |\n|---|---|\n| 1 | 2 |\n\n~~gone~~ www.example.org\n\n- [x] done\n").renderHTML()
        #expect(html.contains("<table>"))
        #expect(html.contains("<del>gone</del>"))
        #expect(html.contains("<a href=\"http://www.example.org\">"))
        #expect(html.contains("checked"))
    }

    @Test func safeModeOmitsRawHTMLAndDangerousURLs() {
        let html = MarkdownDocument(parsing: "x <script>alert(1)</script> [a](javascript:alert(1)) [b](data:text/html,x)\n\n<div onclick=x>y</div>\n").renderHTML()
        #expect(!html.contains("<script"))
        #expect(!html.contains("javascript:"))
        #expect(!html.contains("data:text/html"))
        #expect(!html.contains("onclick"))
        #expect(html.contains("raw HTML omitted"))
    }

    @Test func aLiteralSetFromBytesIsEscapedWhole() {
        let document = MarkdownDocument(parsing: "before after\n")
        let text = document.root.firstChild!.firstChild!
        #expect(text.kind == .text)
        text.setLiteral(bytes: Array("<&> नमस्ते".utf8))
        #expect(document.renderHTML() == "<p>&lt;&amp;&gt; नमस्ते</p>\n")
    }

    @Test func unwrapKeepsChildrenAndRemoveFrees() {
        let document = MarkdownDocument(parsing: "say [*this*](none:) now `code`\n")
        var link: MarkdownNode?
        var code: MarkdownNode?
        document.walk { node, entering in
            if entering && node.kind == .link { link = node }
            if node.kind == .code { code = node }
        }
        #expect(link?.url == "none:")
        link!.unwrap()
        code!.remove()
        #expect(document.renderHTML() == "<p>say <em>this</em> now </p>\n")
        #expect(document.renderCommonMark().hasPrefix("say *this* now"))
    }

    @Test func walkVisitsEnterAndExit() {
        let document = MarkdownDocument(parsing: "# T\n\npara *em*\n")
        var events: [String] = []
        document.walk { node, entering in events.append("\(entering ? "+" : "-")\(node.kind)") }
        #expect(events == ["+document", "+heading", "+text", "-heading", "+paragraph", "+text", "+emphasis", "+text",
                           "-emphasis", "-paragraph", "-document"])
        #expect(document.root.firstChild?.startLine == 1)
        #expect(document.root.children.count == 2)
        #expect(document.root.children[1].plainText == "para em")
    }

    /// cmark-gfm parses unsafely on several threads (shared/DESIGN.md); the wrapper serialises
    /// parsing. Many concurrent renders must equal a serial run.
    @Test func concurrentRenderingEqualsSerial() {
        let documents = (0..<400).map { index in
            "# Title \(index)\n\nText ~~struck \(index)~~ and www.site\(index).org and https://x.org/\(index) with **bold** "
                + String(repeating: "रूस और उत्तर कोरिया। ", count: index % 7 + 1) + "\n\n| a | b |\n|---|---|\n| \(index) | ~~y~~ |\n"
        }
        let serial = documents.map { MarkdownDocument(parsing: $0).renderHTML() }
        let parallel = parallelMap(documents) { MarkdownDocument(parsing: $0).renderHTML() }
        #expect(serial == parallel)
    }
}
