import Foundation
import Testing
@testable import DossierKit

/// Feeds and exports: the GraphML network, the mentions CSV and the per-entity feeds.
@Suite struct ResearchExportsTests {
    @Test func graphMLHasOneNodePerEntityAndWeightedEdges() throws {
        let site = try ResearchSite()
        defer { site.remove() }
        let xml = XMLElements.parse(site.read("data/network.graphml"))
        #expect(xml.error == nil)
        let registry = site.analysis.content.registry
        let nodes = xml.named("node").compactMap { $0.attributes["id"] }
        #expect(nodes.count == registry.entities.count)
        #expect(Set(nodes) == Set(registry.entities.map { $0.kind.rawValue + ":" + $0.id }))
        let keys = Dictionary(uniqueKeysWithValues: xml.named("key").map { ($0.attributes["id"] ?? "", $0.attributes["for"] ?? "") })
        #expect(keys["weight"] == "edge" && keys["label"] == "node")
        let edges = xml.named("edge")
        #expect(edges.count > 20)
        #expect(edges.allSatisfy { Set(nodes).contains($0.attributes["source"] ?? "") && Set(nodes).contains($0.attributes["target"] ?? "") })
        let weights = xml.named("data").filter { $0.attributes["key"] == "weight" }.compactMap { Double($0.text) }
        #expect(weights.count == edges.count && weights.allSatisfy { $0 >= 1 })

        // North Korea–Russia's weight is the number of sentences naming both.
        let northKorea = try #require(registry.index(of: .country, "north-korea")), russia = try #require(registry.index(of: .country, "russia"))
        var both = 0
        for annotation in site.analysis.annotated {
            for sentence in annotation.sentences.indices {
                let named = Set(annotation.mentions.filter { $0.sentence == sentence }.map(\.entity))
                if named.contains(northKorea) && named.contains(russia) { both += 1 }
            }
        }
        let pair = try #require(edges.firstIndex { Set([$0.attributes["source"], $0.attributes["target"]]) == ["country:north-korea", "country:russia"] })
        #expect(weights[pair] == Double(both) && both > 5)
    }

    @Test func mentionsCSVHasOneRowPerMention() throws {
        let site = try ResearchSite()
        defer { site.remove() }
        let text = site.read("data/mentions.csv")
        #expect(text.hasPrefix(MentionsCSV.header.joined(separator: ",") + "\r\n"))
        let rows = csvRows(text)
        let mentions = site.analysis.annotated.reduce(0) { $0 + $1.mentions.count }
        #expect(rows.count == mentions + 1)
        #expect(rows.allSatisfy { $0.count == MentionsCSV.header.count })
        for row in rows.dropFirst() {
            #expect(row[7].contains(row[6]), "sentence holds the mention: \(row)")
            #expect(row[8] == "true" || row[8] == "false")
            let parts = row[9].split(separator: "#").map(String.init)
            #expect(site.exists(parts[0]) && site.read(parts[0]).contains("id=\"\(parts[1])\""), "\(row[9])")
        }
        // A title with a comma and quotes survives the round trip (sentences here hold commas).
        #expect(rows.contains { $0[7].contains(",") })
    }

    @Test func csvFieldsAreQuotedOnlyWhenNeeded() {
        #expect(MentionsCSV.field("plain text") == "plain text")
        #expect(MentionsCSV.field("a, b") == "\"a, b\"")
        #expect(MentionsCSV.field("say \"x\"") == "\"say \"\"x\"\"\"")
        #expect(MentionsCSV.field("two\nlines") == "\"two\nlines\"")
        let line = MentionsCSV.line(["a,b", "c\"d", "किम"])
        #expect(csvRows(line) == [["a,b", "c\"d", "किम"]])
    }

    /// OWASP's rule against CSV injection: a field a spreadsheet would run as a formula starts with `'`.
    @Test func csvFieldsThatLookLikeFormulasAreNeutralised() {
        #expect(MentionsCSV.field("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"")
        #expect(MentionsCSV.field("+1") == "'+1")
        #expect(MentionsCSV.field("-2+3") == "'-2+3")
        #expect(MentionsCSV.field("@SUM(A1)") == "'@SUM(A1)")
        #expect(MentionsCSV.field("\tx") == "'\tx")
        #expect(MentionsCSV.field("\rx") == "\"'\rx\"")
        #expect(MentionsCSV.field("a=b") == "a=b")
        #expect(MentionsCSV.field("2024-11-30") == "2024-11-30")
        #expect(MentionsCSV.field("") == "")
    }

    /// Through a build: an outlet and a sentence that begin with formula characters.
    @Test func mentionsCSVHasNoFieldBeginningWithAFormulaCharacter() throws {
        let site = try SmallSite([
            "articles/a1.md": articleFile("=1+2 रूस की बात।\n\n@x रूस, -y रूस।\n", extra: "source: '=HYPERLINK(\"http://evil\")'\n"),
        ])
        defer { site.remove() }
        let rows = csvRows(site.read("data/mentions.csv"))
        #expect(rows.count == 4)
        for field in rows.joined() {
            #expect(!field.hasPrefix("=") && !field.hasPrefix("+") && !field.hasPrefix("-") && !field.hasPrefix("@")
                    && !field.hasPrefix("\t") && !field.hasPrefix("\r"), "\(field)")
        }
        #expect(rows[1][2] == "'=HYPERLINK(\"http://evil\")")
        #expect(rows[1][7].hasPrefix("'=1+2 रूस"))
    }

    @Test func everyEntityHasAFeedItsPageLinksWithTheMentionsCSV() throws {
        let site = try ResearchSite()
        defer { site.remove() }
        let graph = site.graph
        for (index, entity) in site.analysis.content.registry.entities.enumerated() {
            let feed = XMLElements.parse(site.read(EntityFeed.path(of: entity)))
            #expect(feed.error == nil, "\(entity.id)")
            #expect(feed.elements.first?.name == "feed")
            #expect(feed.named("entry").count == min(graph.articles[index].count, EntityFeed.limit), "\(entity.id)")
            let entryLinks = feed.named("link").compactMap { $0.attributes["href"] }.filter { $0.contains("/articles/") }
            #expect(entryLinks.allSatisfy { $0.hasPrefix(site.analysis.content.site.baseURL) })
            // Its rows of the dossier-wide CSV are all its mentions.
            let rows = csvRows(site.read("data/mentions.csv")).dropFirst().filter { $0[3] == entity.id && $0[4] == entity.kind.rawValue }
            #expect(rows.count == graph.mentionCount(EntityIndex(index)), "\(entity.id)")
            let page = site.read(entity.path + "index.html")
            #expect(page.contains("href=\"../../\(entity.path)feed.xml\""), "\(entity.id)")
            #expect(page.contains("href=\"../../data/mentions.csv\""), "\(entity.id)")
            #expect(page.contains("<link rel=\"alternate\" type=\"application/atom+xml\""), "\(entity.id)")
        }
    }

    @Test func exportsAreSiteOutputsWithTheRightScope() throws {
        let site = try ResearchSite()
        defer { site.remove() }
        let theme = try Theme.load(directory: repositoryRoot + "/templates").get()
        let graph = site.graph
        let renderer = PageRenderer(graph: graph, theme: theme, fragments: Fragments(content: graph.content, theme: theme))
        let outputs = Dictionary(uniqueKeysWithValues: SiteOutputs(renderer: renderer).all().map { ($0.path, $0) })
        #expect(outputs["data/mentions.csv"]?.isLarge == true && outputs["data/mentions.csv"]?.scope == .site)
        #expect(outputs["data/network.graphml"]?.scope == .site)
        #expect(outputs["explore/index.html"]?.scope == .site && outputs["search/index.html"]?.scope == .site)
        let kim = try #require(graph.content.registry.index(of: .person, "kim-jong-un"))
        #expect(outputs["people/kim-jong-un/feed.xml"]?.scope == .entity(kim))
        #expect(outputs["people/kim-jong-un/mentions.csv"] == nil)
    }
}
