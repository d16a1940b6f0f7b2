import Foundation
import Testing
@testable import DossierKit

/// Builds the real seed dossier (content/ and templates/ of this repository) and checks
/// the site as a reader and as another tool would see it.
@Suite(.serialized) struct SeedDossierEndToEndTests {
    static let content = repositoryRoot + "/content"
    static let templates = repositoryRoot + "/templates"

    @discardableResult
    func build(into output: String) throws -> BuildReport {
        try SiteBuilder.build(BuildOptions(content: Self.content, templates: Self.templates, output: output))
    }

    func allFiles(_ root: String) -> [String] {
        (FileManager.default.enumerator(atPath: root)?.allObjects as? [String] ?? [])
            .filter { var folder: ObjCBool = false; return FileManager.default.fileExists(atPath: root + "/" + $0, isDirectory: &folder) && !folder.boolValue }
            .sorted()
    }

    func read(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }

    @Test func seedDossierHasNoErrorsOrUnexplainedWarnings() {
        let analysis = SiteBuilder.analyse(contentDirectory: Self.content)
        #expect(analysis.diagnostics.map(\.description) == [])
        #expect(analysis.content.articles.count == 5)
    }

    @Test func buildsEveryPageAndDataFile() throws {
        let output = temporaryFolder() + "/public"
        defer { try? FileManager.default.removeItem(atPath: (output as NSString).deletingLastPathComponent) }
        let report = try build(into: output)
        let files = Set(allFiles(output))
        for required in ["index.html", "404.html", "feed.xml", "sitemap.xml", "articles/index.html", "people/index.html",
                         "countries/index.html", "organizations/index.html", "meetings/index.html", "data/entities.json",
                         "data/articles.json", "data/parts.json", "data/mentions/part-0001.jsonl",
                         "data/mentions/part-0001.csv", "data/sentences/part-0001.jsonl", "data/sentences/part-0001.csv",
                         "data/search/index.js", "data/search/shard-0000.js", "assets/style.css"] {
            #expect(files.contains(required), "missing \(required)")
        }
        let analysis = SiteBuilder.analyse(contentDirectory: Self.content)
        for article in analysis.content.articles { #expect(files.contains("articles/\(article.id)/index.html")) }
        for entity in analysis.content.registry.entities { #expect(files.contains(entity.path + "index.html")) }
        #expect(report.pages == files.filter { $0.hasSuffix(".html") }.count)
        for page in files where page.hasSuffix(".html") {
            let html = read(output + "/" + page)
            #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"hi\">"), "\(page)")
            #expect(html.contains("<title>"), "\(page)")
        }
    }

    @Test func everyInternalLinkAndAnchorResolves() throws {
        let output = temporaryFolder() + "/public"
        defer { try? FileManager.default.removeItem(atPath: (output as NSString).deletingLastPathComponent) }
        try build(into: output)
        var checked = 0
        for page in allFiles(output) where page.hasSuffix(".html") {
            let html = read(output + "/" + page)
            let folder = (page as NSString).deletingLastPathComponent
            for link in attributeValues(html, names: ["href", "src"]) {
                if link.hasPrefix("http://") || link.hasPrefix("https://") { continue }
                #expect(!link.hasPrefix("/"), "\(page): absolute link \(link)")
                let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                let target = parts[0].isEmpty ? page : resolve(parts[0], from: folder)
                #expect(FileManager.default.fileExists(atPath: output + "/" + target), "\(page): broken link \(link)")
                if parts.count == 2, !parts[1].isEmpty {
                    #expect(read(output + "/" + target).contains("id=\"\(parts[1])\""), "\(page): missing anchor \(link)")
                }
                checked += 1
            }
        }
        #expect(checked > 500)
    }

    @Test func dataFilesMatchTheDesign() throws {
        let output = temporaryFolder() + "/public"
        defer { try? FileManager.default.removeItem(atPath: (output as NSString).deletingLastPathComponent) }
        try build(into: output)
        func json(_ name: String) throws -> [[String: Any]] {
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: output + "/data/" + name))) as! [[String: Any]]
        }
        let entities = try json("entities.json")
        let articles = try json("articles.json")
        let tables = try SiteTables(output: output)
        let mentions = tables.mentions
        let types: Set<String> = ["person", "country", "org", "meeting", "place"]
        for entity in entities {
            let keys = Set(entity.keys)
            var expected: Set<String> = ["id", "type", "name", "aliases", "url", "mentions"]
            if entity["wikidata"] != nil { expected.insert("wikidata") }
            if entity["type"] as? String == "meeting" { expected.formUnion(["date", "place", "participants", "countries"]) }
            if entity["type"] as? String == "place" { expected.formUnion(["country", "lat", "lon"]) }
            #expect(keys == expected, "\(entity)")
            #expect(types.contains(entity["type"] as! String))
            #expect(FileManager.default.fileExists(atPath: output + "/" + (entity["url"] as! String) + "index.html"))
        }
        for article in articles {
            var expected: Set<String> = ["id", "title", "date", "source", "path"]
            if article["url"] != nil { expected.insert("url") }
            if article["raw"] != nil { expected.insert("raw") }
            #expect(Set(article.keys) == expected)
            #expect(FileManager.default.fileExists(atPath: output + "/" + (article["path"] as! String) + "index.html"))
            if let raw = article["raw"] as? String {
                #expect(FileManager.default.fileExists(atPath: Self.content + "/raw/" + raw))
            }
        }
        let entityIDs = Set(entities.map { "\($0["type"]!):\($0["id"]!)" })
        let articleIDs = Set(articles.map { $0["id"] as! String })
        for mention in mentions {
            #expect(Set(mention.keys) == ["article", "entity", "type", "text", "sentence", "auto", "link", "sentenceText"])
            #expect(entityIDs.contains("\(mention["type"]!):\(mention["entity"]!)"))
            #expect(articleIDs.contains(mention["article"] as! String))
            #expect((mention["sentenceText"] as? String)?.contains(mention["text"] as! String) == true, "\(mention)")
            let link = mention["link"] as! String
            #expect(link.hasPrefix("articles/\(mention["article"]!)/index.html#m"))
            let page = try String(contentsOfFile: output + "/" + link.prefix { $0 != "#" }, encoding: .utf8)
            #expect(page.contains("id=\"\(link.split(separator: "#")[1])\""), "\(link)")
        }
        // Each sentence once, and each one some mention's, statement's or figure's; the
        // statements' and figures' sentences named by number hold them.
        let sentenceKeys = tables.sentences.map { "\($0["article"]!)#\($0["sentence"]!)" }
        #expect(Set(sentenceKeys).count == sentenceKeys.count)
        func keys(_ rows: [[String: Any]]) -> Set<String> { Set(rows.map { "\($0["article"]!)#\($0["sentence"]!)" }) }
        #expect(Set(sentenceKeys) == keys(mentions).union(keys(tables.statements)).union(keys(tables.figures)))
        #expect(!keys(tables.statements).isSubset(of: keys(mentions)), "a pronoun's sentence names no one: it is in the table for its statement")
        for statement in tables.statements {
            #expect((statement["sentenceText"] as? String)?.contains((statement["text"] as! String).prefix(20)) == true, "\(statement)")
        }
        for figure in tables.figures {
            #expect((figure["sentenceText"] as? String)?.contains(figure["number"] as! String) == true, "\(figure)")
        }
        #expect(tables.mentionsCSV.count == mentions.count && tables.sentencesCSV.count == tables.sentences.count)
        // Counts agree: each entity's "mentions" is its number of rows in the mentions table.
        for entity in entities {
            let rows = mentions.filter { $0["entity"] as? String == entity["id"] as? String && $0["type"] as? String == entity["type"] as? String }
            #expect(rows.count == entity["mentions"] as! Int, "\(entity["id"]!)")
        }
        #expect(mentions.contains { $0["auto"] as? Bool == false })
        // Both of Shoigu's spellings are linked to him.
        let shoigu = Set(mentions.filter { $0["entity"] as? String == "sergei-shoigu" }.map { $0["text"] as! String })
        #expect(shoigu.isSuperset(of: ["शोइगु", "शोइगू"]))
    }

    @Test func boilerplatePeopleAppearNowhere() throws {
        let output = temporaryFolder() + "/public"
        defer { try? FileManager.default.removeItem(atPath: (output as NSString).deletingLastPathComponent) }
        try build(into: output)
        let names = ["Rinku", "रिंकू", "Ponting", "पोंटिंग", "Fadnavis", "फडणवीस", "Shinde", "शिंदे", "SRK", "McSweeney",
                     "मैकस्वीनी", "ख्वाजा", "राशिफल", "You may also like", "Featured Video", "spot_img", "Leave a Reply"]
        for file in allFiles(output) {
            let text = read(output + "/" + file)
            for name in names { #expect(!text.contains(name), "\(name) in \(file)") }
        }
        for file in allFiles(Self.content + "/articles") + allFiles(Self.content + "/entities").map({ "../entities/" + $0 }) {
            let text = read(Self.content + "/articles/" + file)
            for name in names { #expect(!text.contains(name), "\(name) in \(file)") }
        }
    }

    @Test func ambiguousKimIsResolvedFromContext() throws {
        let analysis = SiteBuilder.analyse(contentDirectory: Self.content)
        let registry = analysis.content.registry
        for (article, annotation) in zip(analysis.content.articles, analysis.annotated) {
            for mention in annotation.mentions where annotation.text(of: mention) == "किम" {
                let id = registry[mention.entity].id
                let sentence = annotation.sentences[Int(mention.sentence)]
                // The Ottawa article speaks only of Kim Yong-hyun; the others of Kim Jong-un.
                let expected = article.id.contains("kim-blair") ? "kim-yong-hyun" : "kim-jong-un"
                #expect(id == expected, "\(article.id): \(sentence)")
            }
        }
    }

    @Test func outputIsByteIdenticalAcrossBuilds() throws {
        let root = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try build(into: root + "/one")
        try build(into: root + "/two")
        let one = allFiles(root + "/one")
        #expect(one == allFiles(root + "/two"))
        for file in one {
            #expect(FileManager.default.contentsEqual(atPath: root + "/one/" + file, andPath: root + "/two/" + file), "\(file)")
        }
    }

    @Test func failedBuildLeavesThePreviousSiteUntouched() throws {
        let root = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try build(into: root + "/public")
        let before = allFiles(root + "/public")
        // A copy of the content with one broken annotation.
        try FileManager.default.copyItem(atPath: Self.content, toPath: root + "/content")
        let broken = root + "/content/articles/2024-11-30-belousov-kim-pyongyang-talks.md"
        try (read(broken) + "\n[किम](person:kim-jong-on)\n").write(toFile: broken, atomically: true, encoding: .utf8)
        #expect(throws: ContentErrors.self) {
            try SiteBuilder.build(BuildOptions(content: root + "/content", templates: Self.templates, output: root + "/public"))
        }
        do {
            try SiteBuilder.build(BuildOptions(content: root + "/content", templates: Self.templates, output: root + "/public"))
        } catch let errors as ContentErrors {
            #expect(errors.diagnostics.map(\.description).contains {
                $0.hasSuffix("2024-11-30-belousov-kim-pyongyang-talks.md:24: unknown person \"kim-jong-on\" (did you mean kim-jong-un?)")
            }, "\(errors)")
        }
        #expect(allFiles(root + "/public") == before)
        #expect(!FileManager.default.fileExists(atPath: root + "/public.tmp-\(getpid())"))
    }
}

/// Values of the given attributes in an HTML text (double-quoted, as the theme writes them).
func attributeValues(_ html: String, names: [String]) -> [String] {
    var values: [String] = []
    for name in names {
        var rest = html[...]
        while let range = rest.range(of: " \(name)=\"") {
            rest = rest[range.upperBound...]
            guard let end = rest.firstIndex(of: "\"") else { break }
            values.append(String(rest[..<end]).replacingOccurrences(of: "&amp;", with: "&"))
            rest = rest[end...]
        }
    }
    return values
}

/// `link` relative to `folder` (both inside the site), with `.` and `..` collapsed.
func resolve(_ link: String, from folder: String) -> String {
    var parts = folder.split(separator: "/").map(String.init)
    for part in link.split(separator: "/", omittingEmptySubsequences: false).map(String.init) {
        switch part {
        case "..": if !parts.isEmpty { parts.removeLast() } else { parts.append("..") }
        case ".", "": continue
        default: parts.append(part)
        }
    }
    return parts.joined(separator: "/")
}
