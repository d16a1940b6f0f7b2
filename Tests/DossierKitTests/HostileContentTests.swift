import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import DossierKit

/// A dossier whose every field carries an attack (Fixtures/hostile): script tags, attribute
/// breakouts, `javascript:` and `data:` addresses, Mustache tags, bidi overrides, joiners.
/// The site built from it must hold no markup that runs, and every value must still read
/// as written: escaped, with invisible controls removed (never reordering the page).
@Suite(.serialized) struct HostileContentTests {
    static let fixture = repositoryRoot + "/Tests/DossierKitTests/Fixtures/hostile/content"
    static let templates = repositoryRoot + "/templates"

    /// Builds the hostile dossier once per test; returns the output folder and the report.
    func build() throws -> (output: String, report: BuildReport) {
        let output = temporaryFolder("hostile") + "/public"
        let report = try SiteBuilder.build(BuildOptions(content: Self.fixture, templates: Self.templates, output: output))
        return (output, report)
    }

    func files(_ root: String) -> [String] {
        (FileManager.default.enumerator(atPath: root)?.allObjects as? [String] ?? []).filter {
            var folder: ObjCBool = false
            return FileManager.default.fileExists(atPath: root + "/" + $0, isDirectory: &folder) && !folder.boolValue
        }.sorted()
    }

    func text(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }

    /// What a coastline file of `maps/` is made of.
    static let coastlineElements: Set<String> = ["svg", "style", "rect", "path", "g", "title", "text"]

    @Test func builtSiteHoldsNoMarkupThatRuns() throws {
        let (output, _) = try build()
        defer { try? FileManager.default.removeItem(atPath: (output as NSString).deletingLastPathComponent) }
        // The same theme over an innocuous dossier: whatever tags it writes itself are allowed.
        let innocuous = temporaryFolder("innocuous") + "/public"
        defer { try? FileManager.default.removeItem(atPath: (innocuous as NSString).deletingLastPathComponent) }
        try SiteBuilder.build(BuildOptions(content: repositoryRoot + "/content", templates: Self.templates, output: innocuous))
        let themeTags = Set(files(innocuous).filter { $0.hasSuffix(".html") }.flatMap { HTMLTags.scan(text(innocuous + "/" + $0)).map(\.name) })
        let themeScripts = files(innocuous).map { text(innocuous + "/" + $0).lowercased().components(separatedBy: "<script").count - 1 }.max() ?? 0

        let outputs = files(output)
        #expect(outputs.contains { $0.hasSuffix(".html") } && outputs.contains { $0.hasSuffix(".json") } && outputs.contains { $0.hasSuffix(".xml") })
        var checkedLinks = 0
        for path in outputs where [".html", ".svg", ".json", ".xml"].contains(where: path.hasSuffix) {
            let page = text(output + "/" + path)
            #expect(page.lowercased().components(separatedBy: "<script").count - 1 <= themeScripts, "\(path): script tag")
            for scalar in page.unicodeScalars where InvisibleControls.isRemoved(scalar) {
                Issue.record("\(path): invisible control U+\(String(scalar.value, radix: 16)) in output")
            }
            if path.hasSuffix(".json") {
                // No markup at all: <, > and & are escaped; and the file is still JSON.
                #expect(!page.contains("<") && !page.contains(">"), "\(path)")
                #expect((try? JSONSerialization.jsonObject(with: Data(page.utf8))) != nil, "\(path) is not JSON")
                continue
            }
            // No id twice in a page (a forged marker once copied a mention's `id="m1"`), and
            // as many links closed as opened.
            if path.hasSuffix(".html") {
                let ids = HTMLTags.scan(page).compactMap { $0.attributes.first { $0.0 == "id" }?.1 }
                #expect(Set(ids).count == ids.count, "\(path): an id twice")
                #expect(page.components(separatedBy: "<a ").count == page.components(separatedBy: "</a>").count, "\(path): unbalanced <a>")
            }
            for tag in HTMLTags.scan(page) {
                if path.hasSuffix(".xml") {
                    #expect(HTMLTags.feedElements.contains(tag.name), "\(path): element <\(tag.name)>")
                    continue
                }
                // A map's coastline file is drawn from GSHHG's data and the registry's numbers, no text.
                let allowed = path.hasPrefix("maps/") ? Self.coastlineElements.contains(tag.name)
                    : themeTags.contains(tag.name) || HTMLTags.markdownElements.contains(tag.name)
                #expect(allowed, "\(path): element <\(tag.name)>")
                for (name, value) in tag.attributes {
                    #expect(!name.hasPrefix("on"), "\(path): <\(tag.name) \(name)=\(value)>")
                    #expect(!["style", "srcdoc", "formaction"].contains(name), "\(path): <\(tag.name) \(name)>")
                    guard ["href", "src", "action", "xlink:href"].contains(name) else { continue }
                    checkedLinks += 1
                    let scheme = LinkPolicy.scheme(of: HTMLTags.decodeEntities(value))
                    #expect(scheme == nil || ["http", "https", "mailto"].contains(scheme!), "\(path): \(name)=\"\(value)\"")
                }
            }
        }
        #expect(checkedLinks > 50)
    }

    @Test func valuesStillReadAsWritten() throws {
        let (output, report) = try build()
        defer { try? FileManager.default.removeItem(atPath: (output as NSString).deletingLastPathComponent) }
        let article = text(output + "/articles/hostile-one/index.html")
        // Escaped, not dropped; Mustache tags in values stay text.
        #expect(article.contains("<h1>&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; &quot;&gt;&lt;img src=x onerror=alert(10)&gt; {{title}} fdp.exe</h1>"))
        #expect(article.contains("{{mustache}} {{{triple}}} {{#section}}x{{/section}} reversed  iso literal"))
        #expect(article.contains("&lt;script&gt;code&lt;/script&gt;"))
        // The original address is a live link only because it is an http(s) address; its payload is escaped.
        #expect(article.contains("<a href=\"https://example.org/a?q=&#39;onmouseover=&#39;alert(12)&#39;&amp;t=%22%3E%3Cscript%3E\" rel=\"noopener noreferrer\">original</a>"))
        // Joiners inside names are kept, and the name with one is still found in the body.
        let person = text(output + "/people/kim-jong-un/index.html")
        #expect(person.contains("Kim &lt;script&gt;alert(&#39;name&#39;)&lt;/script&gt; Jong\u{200D}un"))
        #expect(person.contains("कि\u{200D}म जोंग-उन"))
        #expect(article.contains("data-entity=\"person:kim-jong-un\">कि\u{200D}म जोंग-उन</a>"))
        // A place's name where its page, a meeting held there and an article datelined there
        // (by an alias that is markup) show it; coordinates as numbers.
        let place = text(output + "/places/pyongyang/index.html")
        #expect(place.contains("<h1><span lang=\"en\">Pyong&lt;script&gt;alert(40)&lt;/script&gt;yang</span>"))
        #expect(place.contains("&lt;iframe src=javascript:alert(42)&gt;&lt;/iframe&gt; {{{place}}}"))
        #expect(place.contains("value=\"39.03,125.75\">39.03° N, 125.75° E</data>"))
        let placeLink = "href=\"../../places/pyongyang/index.html\">Pyong&lt;script&gt;alert(40)&lt;/script&gt;yang</a>"
        #expect(text(output + "/meetings/2024-06-19-summit/index.html").contains("<a class=\"chip chip-place\" " + placeLink))
        #expect(text(output + "/articles/hostile-two/index.html").contains(" · <a class=\"place\" " + placeLink))
        #expect(article.contains(" · <span lang=\"hi\">&lt;script&gt;alert(&#39;place&#39;)&lt;/script&gt;</span>"))
        #expect(text(output + "/places/nowhere/index.html").contains("{{#x}}Nowhere{{/x}} RLI"))
        // Raw HTML never reaches the page; link text of refused links does.
        #expect(!article.contains("raw block"))
        #expect(article.contains(">click<") == false && article.contains("click"))
        // Data files hold the same values, exactly.
        let articles = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: output + "/data/articles.json"))) as! [[String: Any]]
        let one = articles.first { $0["id"] as? String == "hostile-one" }!
        #expect(one["title"] as? String == "<script>alert('title')</script> \"><img src=x onerror=alert(10)> {{title}} fdp.exe")
        #expect(one["url"] as? String == "https://example.org/a?q='onmouseover='alert(12)'&t=%22%3E%3Cscript%3E")
        let entities = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: output + "/data/entities.json"))) as! [[String: Any]]
        #expect(entities.contains { $0["name"] as? String == "KCNA live {{org}}" })
        // The feed is well-formed XML whose title reads as written.
        let feed = try Data(contentsOf: URL(fileURLWithPath: output + "/feed.xml"))
        let parser = XMLParser(data: feed)
        #expect(parser.parse(), "feed.xml: \(parser.parserError.map { "\($0)" } ?? "")")
        #expect(text(output + "/feed.xml").contains("<title>&lt;script&gt;alert(&#39;site&#39;)&lt;/script&gt; {{title}} gnp.exe</title>"))
        #expect(text(output + "/sitemap.xml").contains("<loc>https://example.org/h/?q=&#39;onload=&#39;alert(1)&#39;&amp;x=1/articles/hostile-one/</loc>"))
        // Every removal was reported where it was written.
        let warnings = report.warnings.map(\.description)
        for expected in [
            "hostile/content/articles/hostile-one.md:2: warning: removed invisible U+202E (bidirectional control)",
            "hostile/content/articles/hostile-one.md:4: warning: removed invisible U+202E (bidirectional control)",
            "hostile/content/articles/hostile-one.md:17: warning: link to \"javascript:alert(17)\" removed, its text kept",
            "hostile/content/articles/hostile-one.md:17: warning: image to \"data:image/png;base64,iVBORw0KGgo=\" removed, its text kept",
            "hostile/content/articles/hostile-one.md:17: warning: link to \"javascript:alert(19)\" removed, its text kept",
            "hostile/content/articles/hostile-one.md:19: warning: link to \"persn:kim-jong-un\" removed, its text kept (an annotation? did you mean person?)",
            "hostile/content/articles/hostile-one.md:21: warning: removed invisible U+202E (bidirectional control), U+202C (bidirectional control)",
            "hostile/content/articles/hostile-one.md:34: warning: removed invisible U+FDD0 (noncharacter), U+FDD1 (noncharacter), U+FDD2 (noncharacter), U+202E (bidirectional control)",
            "hostile/content/site.yml:3: warning: removed invisible U+202E (bidirectional control)",
            "hostile/content/entities/organizations.yml:2: warning: removed invisible U+202E (bidirectional control), U+202C (bidirectional control)",
            "hostile/content/entities/places.yml:2: warning: removed invisible U+202E (bidirectional control)",
            "hostile/content/entities/places.yml:10: warning: removed invisible U+2066 (bidirectional control), U+2069 (bidirectional control)",
        ] {
            #expect(warnings.contains { $0.contains(expected) }, "missing: \(expected)\nin:\n\(warnings.joined(separator: "\n"))")
        }
    }

    /// Sentences that begin with `=`, `-`, `@` (formulas to a spreadsheet) and a source that
    /// begins with a quote: no field of the mentions and sentences CSV parts begins with a
    /// formula character.
    @Test func mentionsCSVHoldsNoFormula() throws {
        let (output, _) = try build()
        defer { try? FileManager.default.removeItem(atPath: (output as NSString).deletingLastPathComponent) }
        let tables = try SiteTables(output: output)
        #expect(tables.mentionsCSV.count > 5)
        for field in (tables.mentionsCSV + tables.sentencesCSV).joined() {
            #expect(!["=", "+", "-", "@", "\t", "\r"].contains { field.hasPrefix($0) }, "\(field)")
        }
        #expect(tables.sentencesCSV.contains { $0[2].hasPrefix("'=HYPERLINK(") })
    }

    @Test func addressesThatWouldRunAreErrorsAtTheirLine() {
        let root = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        writeFiles([
            "site.yml": "title: T\nbase_url: javascript:alert(1)//\nlanguage: \"hi\\\" onload=\\\"x\"\n",
            "entities/people.yml": "- id: a\n  name: A\n  wikidata: \"Q1\\\"><script>\"\n- id: \"<script>\"\n  name: B\n",
            "articles/js.md": "---\ntitle: T\ndate: 2024-11-30\nurl: \"  JavaScript:alert(1)\"\n---\nbody\n",
            "articles/data.md": "---\ntitle: T\ndate: 2024-11-30\nurl: data:text/html,<script>alert(1)</script>\n---\nbody\n",
            "articles/relative.md": "---\ntitle: T\ndate: 2024-11-30\nurl: //evil.example/x\n---\nbody\n",
            "articles/spaces.md": "---\ntitle: T\ndate: 2024-11-30\nurl: https://example.org/a b\n---\nbody\n",
            "articles/quote.md": "---\ntitle: T\ndate: 2024-11-30\nurl: 'https://example.org/a?q=\"><script>'\n---\nbody\n",
        ], under: root + "/content")
        let messages = ContentLoader.load(root + "/content").diagnostics.map { $0.description.replacingOccurrences(of: root + "/", with: "") }
        for expected in [
            "content/site.yml:2: base_url \"javascript:alert(1)//\" is not an absolute http(s) URL (e.g. https://example.org/dossier/)",
            "content/site.yml:3: language \"hi\" onload=\"x\" is not a language tag (e.g. hi, en or hi-IN)",
            "content/entities/people.yml:3: wikidata \"Q1\"><script>\" is not a Wikidata id (write it like Q56226)",
            "content/entities/people.yml:4: id \"<script>\" is not valid (use lowercase ASCII letters, digits and hyphens)",
            "content/articles/js.md:4: url \"JavaScript:alert(1)\" is not an http(s) address (give the article's full address, starting with https://)",
            "content/articles/data.md:4: url \"data:text/html,<script>alert(1)</script>\" is not an http(s) address (give the article's full address, starting with https://)",
            "content/articles/relative.md:4: url \"//evil.example/x\" is not an http(s) address (give the article's full address, starting with https://)",
            "content/articles/spaces.md:4: url \"https://example.org/a b\" is not an http(s) address (give the article's full address, starting with https://)",
            "content/articles/quote.md:4: url \"https://example.org/a?q=\"><script>\" is not an http(s) address (give the article's full address, starting with https://)",
        ] {
            #expect(messages.contains(expected), "missing: \(expected)\nin:\n\(messages.joined(separator: "\n"))")
        }
    }

    /// Messages quote content; a terminal escape in it must not reach the terminal.
    @Test func messagesNeverCarryTerminalEscapes() {
        let root = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        writeFiles(["site.yml": "title: T\n\"\\e[2J\\e[31mred\": x\n",
                    "articles/a.md": "---\ntitle: T\ndate: 2024-11-30\n---\n[x](javascript:alert(&#27;[2J))\n"], under: root + "/content")
        let analysis = SiteBuilder.analyse(contentDirectory: root + "/content")
        let messages = analysis.diagnostics.map(\.description)
        #expect(messages.contains { $0.hasSuffix("site.yml:2: warning: unknown key \"\\u{1b}[2J\\u{1b}[31mred\" is ignored") }, "\(messages)")
        #expect(messages.contains { $0.contains("link to \"javascript:alert(\\u{1b}[2J)\" removed") }, "\(messages)")
        #expect(!messages.joined().unicodeScalars.contains { $0.value < 0x20 })
    }

    @Test func linkSchemesAsABrowserReadsThem() {
        #expect(LinkPolicy.scheme(of: "javascript:alert(1)") == "javascript")
        #expect(LinkPolicy.scheme(of: " \u{1}JaVa\tScRiPt:alert(1)") == "javascript")
        #expect(LinkPolicy.scheme(of: "java\nscript:x") == "javascript")
        #expect(LinkPolicy.scheme(of: "../../people/x/index.html") == nil)
        #expect(LinkPolicy.scheme(of: "a/b:c") == nil)
        #expect(LinkPolicy.scheme(of: "#m1") == nil)
        #expect(LinkPolicy.scheme(of: "1http:x") == nil)
        #expect(LinkPolicy.isAllowed("https://x.org") && LinkPolicy.isAllowed("mailto:a@b.c") && LinkPolicy.isAllowed("x.html"))
        #expect(!LinkPolicy.isAllowed("data:image/png;base64,AAAA") && !LinkPolicy.isAllowed("vbscript:x") && !LinkPolicy.isAllowed("file:///etc/passwd"))
    }
}

/// A small scanner of the tags in HTML or XML text (the output's, which quotes every
/// attribute): enough to list the elements and attributes a page really has.
enum HTMLTags {
    struct Tag {
        var name: String
        var attributes: [(String, String)]
    }

    /// Elements cmark writes for Markdown (the body of an article).
    static let markdownElements: Set<String> = ["p", "a", "em", "strong", "code", "pre", "ul", "ol", "li", "blockquote", "h1", "h2",
                                                "h3", "h4", "h5", "h6", "hr", "br", "table", "thead", "tbody", "tr", "th", "td",
                                                "del", "img", "input"]
    static let feedElements: Set<String> = ["feed", "title", "subtitle", "link", "id", "updated", "author", "name", "entry",
                                            "summary", "urlset", "url", "loc", "lastmod"]

    static func scan(_ text: String) -> [Tag] {
        let bytes = Array(text.utf8)
        var tags: [Tag] = []
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<"), index + 1 < bytes.count, isLetter(bytes[index + 1]) else { index += 1; continue }
            index += 1
            let nameStart = index
            while index < bytes.count, isNameByte(bytes[index]) { index += 1 }
            var tag = Tag(name: String(decoding: bytes[nameStart..<index], as: UTF8.self).lowercased(), attributes: [])
            while index < bytes.count, bytes[index] != UInt8(ascii: ">") {
                if bytes[index] == 32 || bytes[index] == 10 || bytes[index] == 9 || bytes[index] == UInt8(ascii: "/") { index += 1; continue }
                let attributeStart = index
                while index < bytes.count, ![32, 10, 9, UInt8(ascii: "="), UInt8(ascii: ">")].contains(bytes[index]) { index += 1 }
                let name = String(decoding: bytes[attributeStart..<index], as: UTF8.self).lowercased()
                var value = ""
                if index < bytes.count, bytes[index] == UInt8(ascii: "=") {
                    index += 1
                    if index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
                        let quote = bytes[index]
                        let valueStart = index + 1
                        index = valueStart
                        while index < bytes.count, bytes[index] != quote { index += 1 }
                        value = String(decoding: bytes[valueStart..<min(index, bytes.count)], as: UTF8.self)
                        index += 1
                    } else {
                        let valueStart = index
                        while index < bytes.count, ![32, 10, 9, UInt8(ascii: ">")].contains(bytes[index]) { index += 1 }
                        value = String(decoding: bytes[valueStart..<index], as: UTF8.self)
                    }
                }
                if !name.isEmpty { tag.attributes.append((name, value)) }
            }
            tags.append(tag)
        }
        return tags
    }

    static func isLetter(_ byte: UInt8) -> Bool { (65...90).contains(byte) || (97...122).contains(byte) }
    static func isNameByte(_ byte: UInt8) -> Bool { isLetter(byte) || (48...57).contains(byte) || byte == 45 || byte == 58 }

    /// An attribute value as the browser reads it (the character references the output uses).
    static func decodeEntities(_ value: String) -> String {
        var result = value
        for (entity, character) in [("&quot;", "\""), ("&#39;", "'"), ("&lt;", "<"), ("&gt;", ">"), ("&#58;", ":"), ("&amp;", "&")] {
            result = result.replacingOccurrences(of: entity, with: character)
        }
        return result
    }
}
