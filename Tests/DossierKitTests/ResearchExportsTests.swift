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
        let text = site.read("data/mentions/part-0001.csv")
        #expect(text.hasPrefix(DataTable.mentions.csvHeader.joined(separator: ",") + "\r\n"))
        #expect(site.read("data/sentences/part-0001.csv").hasPrefix("article,sentence,text\r\n"))
        let tables = try SiteTables(output: site.output)
        let mentions = site.analysis.annotated.reduce(0) { $0 + $1.mentions.count }
        #expect(tables.mentionsCSV.count == mentions)
        #expect(tables.mentionsCSV.allSatisfy { $0.count == DataTable.mentions.csvHeader.count })
        var sentences: [String: String] = [:]
        for row in tables.sentencesCSV { sentences[row[0] + "#" + row[1]] = row[2] }
        for row in tables.mentionsCSV {
            #expect(sentences[row[0] + "#" + row[7]]?.contains(row[6]) == true, "sentence holds the mention: \(row)")
            #expect(row[8] == "true" || row[8] == "false")
            let parts = row[9].split(separator: "#").map(String.init)
            #expect(site.exists(parts[0]) && site.read(parts[0]).contains("id=\"\(parts[1])\""), "\(row[9])")
        }
        // Sentences with commas survive the round trip.
        #expect(tables.sentencesCSV.contains { $0[2].contains(",") })
        // The JSON Lines parts hold the same rows as the CSV parts.
        #expect(tables.mentions.map { "\($0["article"]!)|\($0["entity"]!)|\($0["text"]!)|\($0["sentence"]!)|\($0["link"]!)" }
                == tables.mentionsCSV.map { "\($0[0])|\($0[3])|\($0[6])|\($0[7])|\($0[9])" })
    }

    @Test func csvFieldsAreQuotedOnlyWhenNeeded() {
        #expect(CSV.field("plain text") == "plain text")
        #expect(CSV.field("a, b") == "\"a, b\"")
        #expect(CSV.field("say \"x\"") == "\"say \"\"x\"\"\"")
        #expect(CSV.field("two\nlines") == "\"two\nlines\"")
        let line = CSV.line(["a,b", "c\"d", "किम"])
        #expect(csvRows(line) == [["a,b", "c\"d", "किम"]])
    }

    /// OWASP's rule against CSV injection: a field a spreadsheet would run as a formula starts with `'`.
    @Test func csvFieldsThatLookLikeFormulasAreNeutralised() {
        #expect(CSV.field("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"")
        #expect(CSV.field("+1") == "'+1")
        #expect(CSV.field("-2+3") == "'-2+3")
        #expect(CSV.field("@SUM(A1)") == "'@SUM(A1)")
        #expect(CSV.field("\tx") == "'\tx")
        #expect(CSV.field("\rx") == "\"'\rx\"")
        #expect(CSV.field("a=b") == "a=b")
        #expect(CSV.field("2024-11-30") == "2024-11-30")
        #expect(CSV.field("") == "")
    }

    /// Through a build: an outlet and a sentence that begin with formula characters.
    @Test func mentionsCSVHasNoFieldBeginningWithAFormulaCharacter() throws {
        let site = try SmallSite([
            "articles/a1.md": articleFile("=1+2 रूस की बात।\n\n@x रूस, -y रूस।\n", extra: "source: '=HYPERLINK(\"http://evil\")'\n"),
        ])
        defer { site.remove() }
        let rows = csvRows(site.read("data/mentions/part-0001.csv"))
        let sentences = csvRows(site.read("data/sentences/part-0001.csv"))
        #expect(rows.count == 4 && sentences.count == 3)
        for field in (rows + sentences).joined() {
            #expect(!field.hasPrefix("=") && !field.hasPrefix("+") && !field.hasPrefix("-") && !field.hasPrefix("@")
                    && !field.hasPrefix("\t") && !field.hasPrefix("\r"), "\(field)")
        }
        #expect(rows[1][2] == "'=HYPERLINK(\"http://evil\")")
        #expect(sentences[1][2].hasPrefix("'=1+2 रूस"))
    }

    @Test func everyEntityHasAFeedItsPageLinksWithTheMentionTables() throws {
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
            let rows = try SiteTables(output: site.output).mentionsCSV.filter { $0[3] == entity.id && $0[4] == entity.kind.rawValue }
            #expect(rows.count == graph.mentionCount(EntityIndex(index)), "\(entity.id)")
            let page = site.read(entity.path + "index.html")
            #expect(page.contains("href=\"../../\(entity.path)feed.xml\""), "\(entity.id)")
            #expect(page.contains("href=\"../../explore/index.html#downloads\""), "\(entity.id)")
            #expect(page.contains("<link rel=\"alternate\" type=\"application/atom+xml\""), "\(entity.id)")
        }
    }

    /// The data files are outputs of their emitters: the large ones made only when asked
    /// for in a preview, the whole dossier's made again on every change, an entity's feed
    /// only when a change reaches that entity.
    @Test func exportsAreSiteOutputsMadeAgainWhenAChangeReachesThem() throws {
        let site = try ResearchSite()
        defer { site.remove() }
        let theme = try Theme.load(directory: repositoryRoot + "/templates").get()
        let graph = site.graph
        let renderer = PageRenderer(graph: graph, theme: theme, fragments: Fragments(content: graph.content, theme: theme))
        let outputs = Dictionary(uniqueKeysWithValues: SiteEmitters.outputs(renderer).map { ($0.path, $0) })
        // A change of one article that mentions Kim and not Shoigu, its title as before.
        let kim = try #require(graph.content.registry.index(of: .person, "kim-jong-un"))
        let kimArticle = try #require(graph.articles[Int(kim)].first)
        let change = GraphChange(graph: graph, pagination: renderer.pagination, before: GraphChange.Before(
            graph: graph, pagination: renderer.pagination, touched: ["person:kim-jong-un"], listChanged: false, datesChanged: false,
            changedNew: [Int(kimArticle)], changedOld: [Int(kimArticle)], researchTouched: [], figureSubjects: [],
            statementsChanged: false, figuresChanged: false))
        for path in ["data/mentions/part-0001.csv", "data/mentions/part-0001.jsonl", "data/sentences/part-0001.csv"] {
            #expect(outputs[path]?.isLarge == true && outputs[path]?.isAffected(change) == true, "\(path)")
        }
        for path in ["data/parts.json", "data/search/index.js", "data/network.graphml", "explore/index.html", "search/index.html"] {
            #expect(outputs[path]?.isAffected(change) == true, "\(path)")
        }
        #expect(outputs["people/kim-jong-un/feed.xml"]?.isAffected(change) == true)
        #expect(outputs["people/sergei-shoigu/feed.xml"]?.isAffected(change) == false)
        #expect(outputs["articles/index.html"]?.isAffected(change) == false)
        #expect(outputs["data/articles/part-0001.csv"]?.isAffected(change) == false)
        #expect(outputs["people/kim-jong-un/mentions.csv"] == nil)
    }
}
