import Foundation
import Testing
@testable import DossierKit

/// Statements and figures found in the seed dossier against the fixture written by reading
/// its five articles before the finders existed (Fixtures/research/): at least 0.9 precision
/// and 0.8 recall, and no statement given to a wrong speaker. The same measure as
/// `eval/research_eval.py` (`make eval`), which prints it per article.
@Suite struct ResearchSeedEvaluationTests {
    /// One line of a fixture: `- {key: value, …}` with ids, null, `[a, b]`, numbers and quoted text.
    static func rows(_ name: String) throws -> [[String: String]] {
        let path = repositoryRoot + "/Tests/DossierKitTests/Fixtures/research/" + name
        var rows: [[String: String]] = []
        for line in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n") {
            let line = line.trimmingCharacters(in: .whitespaces)
            guard line.hasPrefix("- {"), line.hasSuffix("}") else { continue }
            var row: [String: String] = [:]
            var parts: [String] = []
            var current = "", quoted = false, depth = 0
            for character in line.dropFirst(3).dropLast() {
                if character == "\"" { quoted.toggle() }
                if !quoted && character == "[" { depth += 1 }
                if !quoted && character == "]" { depth -= 1 }
                if character == ",", !quoted, depth == 0 { parts.append(current); current = "" } else { current.append(character) }
            }
            parts.append(current)
            for part in parts {
                guard let colon = part.firstIndex(of: ":") else { continue }
                var value = part[part.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                if value.hasPrefix("\"") { value = String(value.dropFirst().dropLast()) }
                row[part[..<colon].trimmingCharacters(in: .whitespaces)] = value
            }
            rows.append(row)
        }
        return rows
    }

    static func speakers(_ row: [String: String]) -> Set<String> {
        var result = Set<String>()
        if let speaker = row["speaker"], speaker != "null" { result.insert(speaker) }
        let with = (row["with"] ?? "[]").trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        for id in with.split(separator: ",") { result.insert(id.trimmingCharacters(in: .whitespaces)) }
        return result
    }

    static func normalized(_ text: String) -> String {
        TextNormalization.nfc(text).split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
    }

    @Test func seedStatementsAndFiguresAgainstTheFixture() throws {
        let analysis = SiteBuilder.analyse(contentDirectory: repositoryRoot + "/content")
        let registry = analysis.content.registry
        let articles = analysis.content.articles
        let statements = analysis.annotated.map(\.research.statements)
        let figures = analysis.annotated.map(\.research.figures)
        func id(_ entity: EntityIndex?) -> String { entity.map { registry[$0].id } ?? "null" }

        // Statements: text held, same speakers and channel; each matched once.
        let expected = try Self.rows("seed-statements.yml")
        #expect(expected.count == 38)
        let found = statements.enumerated().flatMap { article, list in list.map { (article, $0) } }.map { article, statement in
            (article: articles[article].id, text: Self.normalized(statement.text),
             speakers: Set(statement.speakers.map { registry[$0].id }), via: id(statement.via))
        }
        var used = Set<Int>()
        var matched = 0
        var wrong: [String] = []
        for want in expected {
            let text = Self.normalized(want["text"] ?? "")
            let candidates = found.indices.filter { !used.contains($0) && found[$0].article == want["article"] && found[$0].text.contains(text) }
            if let hit = candidates.first(where: { found[$0].speakers == Self.speakers(want) && found[$0].via == want["via"] }) {
                used.insert(hit)
                matched += 1
            } else if let hit = candidates.first {
                used.insert(hit)
                if !found[hit].speakers.isEmpty && found[hit].speakers != Self.speakers(want) {
                    wrong.append("\(want["article"]!): \"\(text)\" given to \(found[hit].speakers.sorted()), not \(Self.speakers(want).sorted())")
                }
            }
        }
        let precision = Double(matched) / Double(max(1, found.count))
        let recall = Double(matched) / Double(expected.count)
        #expect(precision >= 0.9, "statements: precision \(precision) (\(matched) of \(found.count) found)")
        #expect(recall >= 0.8, "statements: recall \(recall) (\(matched) of \(expected.count))")
        #expect(wrong.isEmpty, "\(wrong)")

        // Figures: number as written, unit, subject and claimant.
        let expectedFigures = try Self.rows("seed-figures.yml")
        var foundFigures = figures.enumerated().flatMap { article, list in list.map { (article, $0) } }.map { article, figure in
            [articles[article].id, figure.number, figure.unit, figure.subject.rawValue, id(figure.claimant)]
        }
        let total = foundFigures.count
        var figureMatches = 0
        for want in expectedFigures {
            let key = [want["article"] ?? "", want["number"] ?? "", want["unit"] ?? "", want["subject"] ?? "", want["claimant"] ?? ""]
            if let hit = foundFigures.firstIndex(of: key) { foundFigures.remove(at: hit); figureMatches += 1 }
        }
        #expect(Double(figureMatches) / Double(max(1, total)) >= 0.9, "figures: \(figureMatches) of \(total) found match")
        #expect(Double(figureMatches) / Double(expectedFigures.count) >= 0.8, "figures: \(figureMatches) of \(expectedFigures.count)")
        // Values as the fixture has them.
        for figure in figures.joined() where figure.number == "10,000" { #expect(figure.value == 10_000) }
        for figure in figures.joined() where figure.number == "हजारों" { #expect(figure.value == nil) }
    }

    /// The index the pages read: each speaker's statements newest first, the channels, the
    /// troops sent side by side in date order.
    @Test func seedResearchIndex() {
        let analysis = SiteBuilder.analyse(contentDirectory: repositoryRoot + "/content")
        let registry = analysis.content.registry
        let index = ResearchIndex(SiteGraph(content: analysis.content, annotated: analysis.annotated, reusing: nil, changed: []))
        let articles = analysis.content.articles
        func entity(_ kind: EntityKind, _ id: String) -> Int { Int(registry.index(of: kind, id)!) }
        let kang = index.statementsBySpeaker[entity(.person, "kang-sun-nam")]
        #expect(kang.count == 3)
        #expect(kang.allSatisfy { index[statement: $0].speaker == registry.index(of: .person, "kang-sun-nam") })
        let kim = index.statementsBySpeaker[entity(.person, "kim-jong-un")].map { articles[Int($0.article)].date }
        #expect(!kim.isEmpty && kim == kim.sorted(by: >))
        #expect(index.statementsVia[entity(.org, "kcna")].count >= 3)
        // Blair spoke jointly with Kim Yong-hyun.
        #expect(index.statementsBySpeaker[entity(.person, "bill-blair")].count == 1)
        let sent = (index.figuresBySubject[.troopsSent] ?? []).map { index[figure: $0] }
        #expect(sent.map(\.number) == ["12,000", "1,500", "हजारों", "हजारों"])
        let claimed = index.figuresByEntity[entity(.country, "united-states")].map { index[figure: $0].number }
        #expect(claimed == ["10,000", "8,000"])
        // Every statement is listed once under each of its speakers, and each listed one is theirs.
        let spoken = analysis.annotated.flatMap(\.research.statements).reduce(0) { $0 + $1.speakers.count }
        #expect(index.statementsBySpeaker.reduce(0) { $0 + $1.count } == spoken)
        for (speaker, refs) in index.statementsBySpeaker.enumerated() {
            #expect(refs.allSatisfy { index[statement: $0].speakers.contains(EntityIndex(speaker)) })
        }
    }

    /// A rebuild splices its changed articles into the last index: it must equal the index
    /// made from every article, for articles that lose, gain or swap statements and figures.
    @Test func aSplicedIndexEqualsAFullOne() throws {
        let analysis = SiteBuilder.analyse(contentDirectory: repositoryRoot + "/content")
        let original = analysis.annotated
        let figures = try #require(original.indices.first { !original[$0].research.figures.isEmpty })
        var edited = original
        edited[0].research.statements = []
        edited[0].research.figures = []
        edited[3].research.statements += original[2].research.statements
        edited[3].research.figures += original[figures].research.figures
        edited[4].research = original[figures].research
        #expect(!original[0].research.statements.isEmpty && !original[2].research.statements.isEmpty)
        func graph(_ annotated: [AnnotatedArticle]) -> SiteGraph {
            SiteGraph(content: analysis.content, annotated: annotated, reusing: nil, changed: [])
        }
        func same(_ a: ResearchIndex, _ b: ResearchIndex) {
            #expect(a.statementsBySpeaker == b.statementsBySpeaker)
            #expect(a.statementsVia == b.statementsVia)
            #expect(a.figuresBySubject == b.figuresBySubject)
            #expect(a.figuresByEntity == b.figuresByEntity)
            #expect(a.agreementBySubject == b.agreementBySubject)
        }
        let before = ResearchIndex(graph(original))
        let after = ResearchIndex(graph(edited))
        let spliced = ResearchIndex(graph(edited), reusing: before, changed: [0, 3, 4])
        same(spliced, after)
        #expect(spliced.statementsBySpeaker != before.statementsBySpeaker)
        same(ResearchIndex(graph(original), reusing: spliced, changed: [0, 3, 4]), before)
    }

    /// Every statement's text and sentence are where their ranges say, and a sentence that
    /// holds mentions is the annotated one; a named speaker's anchor is its mention's.
    @Test func seedStatementsPointIntoTheirArticles() {
        let analysis = SiteBuilder.analyse(contentDirectory: repositoryRoot + "/content")
        for (index, item) in analysis.content.articles.enumerated() {
            let annotation = analysis.annotated[index]
            let text = ArticlePlainText(article: item, annotation: annotation)
            #expect(text.sentences.compactMap(\.annotated) == annotation.sentences.indices.map { Int32($0) })
            let statements = annotation.research.statements
            #expect(ArticleResearch(text: text, annotation: annotation, registry: analysis.content.registry) == annotation.research)
            // The data tables' sentences: the annotated ones, then each sentence that holds only statements or figures, once.
            #expect(Set(annotation.research.sentences).count == annotation.research.sentences.count)
            #expect(annotation.research.sentences.allSatisfy { extra in text.sentences.contains { $0.annotated == nil && $0.text == extra } })
            for statement in statements {
                #expect(FigureFinder.slice(text.text, statement.range) == statement.text)
                // Its sentence, by number, is the plain text's sentence where it is said.
                let sentence = annotation.tableSentence(Int(statement.sentenceNumber))
                let holding = text.sentences.first { $0.text == sentence }
                #expect(holding != nil, "sentence \(statement.sentenceNumber) is a sentence of the article")
                if let mention = statement.speakerMention {
                    #expect(annotation.mentions[Int(mention)].entity == statement.speaker || statement.coSpeakers.contains(annotation.mentions[Int(mention)].entity))
                    #expect(statement.anchor == annotation.mentions[Int(mention)].anchor)
                    #expect(annotation.mentions[Int(mention)].sentence == statement.sentenceNumber)
                }
            }
        }
    }
}
