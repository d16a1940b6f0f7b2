import Foundation
import Testing
@testable import DossierKit

/// A large build keeps its bodies and sentences in a temporary file (`TextSpill`): what it
/// writes must be what a build that keeps them in memory writes.
@Suite struct TextSpillTests {
    @Test func sentencesReadBackAsTheyWere() throws {
        let long = String(repeating: "उत्तर कोरिया ने कहा। ", count: 400)
        let strings = ["रूस ने कहा।", "", "Kim said \"no\".", long, "ज़"]
        var sentences = ArticleSentences(strings)
        let spill = try #require(TextSpill(threshold: 0))
        sentences.spill(to: spill)
        #expect(sentences.isSpilled)
        #expect(Array(sentences) == strings)
        for (index, text) in strings.enumerated() {
            #expect(sentences.byteCount(index) == text.utf8.count)
            #expect(sentences.withUTF8(index) { Array($0) } == Array(text.utf8))
        }
        let read = sentences.inMemory()
        #expect(!read.isSpilled && read == sentences && Array(read) == strings)
        for (index, text) in strings.enumerated() { #expect(read.withUTF8(index) { Array($0) } == Array(text.utf8)) }
        // A window read back answers for every sentence: those in it from memory, the others
        // from the spill; past the end it is cut to what there is.
        for window in [0..<1, 2..<4, 3..<5, 4..<9, 1..<1] {
            let part = sentences.inMemory(window)
            #expect(part.isSpilled == (window.clamped(to: part.indices) != part.indices))
            #expect(Array(part) == strings, "\(window)")
            for (index, text) in strings.enumerated() { #expect(part.withUTF8(index) { Array($0) } == Array(text.utf8)) }
            #expect(part.inMemory() == sentences && !part.inMemory().isSpilled)
        }
        // Covering some positions reads back the window from the lowest to the highest.
        #expect(Array(sentences.inMemory(covering: [3, 1])) == strings && sentences.inMemory(covering: [3, 1]).isSpilled)
        #expect(!sentences.inMemory(covering: [4, 0, 2]).isSpilled && sentences.inMemory(covering: []).isSpilled)
    }

    @Test func textStaysInMemoryUntilTheThreshold() throws {
        let spill = try #require(TextSpill(threshold: 100))
        var first = ArticleSentences([String(repeating: "a", count: 60)])
        first.spill(to: spill)
        var second = ArticleSentences([String(repeating: "b", count: 60)])
        second.spill(to: spill)
        #expect(!first.isSpilled && second.isSpilled)
        #expect(second[0] == String(repeating: "b", count: 60))
        var body = "नया"
        #expect(spill.store(&body).map(spill.read) == "नया")
    }

    /// The seed dossier with a long sentence (cut into excerpts on entity pages), built with
    /// every body and sentence spilled, equals the build that keeps them in memory.
    @Test func aSpilledBuildWritesWhatAnInMemoryBuildWrites() throws {
        let root = try seedWorkspace("spill")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let names = String(repeating: "रूस उत्तर कोरिया यूक्रेन किम जोंग उन ", count: 80)
        try "---\ntitle: \"लंबा\"\ndate: 2024-12-02\nsource: Test\n---\n\(names)\n\nपुतिन ने कहा कि रूस तैयार है।\n"
            .write(toFile: root + "/content/articles/2024-12-02-long.md", atomically: true, encoding: .utf8)
        func build(_ output: String, threshold: Int) throws -> BuiltSite {
            var options = BuildOptions(content: root + "/content", templates: root + "/templates", output: root + "/" + output)
            options.spillThreshold = threshold
            return try SiteBuilder.buildKeepingState(options).state
        }
        let kept = try build("memory", threshold: TextSpill.standardThreshold)
        let spilled = try build("spilled", threshold: 0)
        #expect(!kept.annotated.contains { $0.sentences.isSpilled })
        #expect(spilled.annotated.allSatisfy { $0.sentences.isEmpty || $0.sentences.isSpilled })
        let statements = spilled.annotated.flatMap(\.research.statements)
        #expect(!statements.isEmpty && statements.allSatisfy { $0.words.isSpilled })
        // Every body is freed once annotated, in memory or spilled.
        for state in [kept, spilled] { #expect(state.content.articles.allSatisfy { $0.body.isEmpty && $0.spilledBody == nil }) }
        let files = (FileManager.default.enumerator(atPath: root + "/memory")?.allObjects as? [String] ?? []).filter {
            var folder: ObjCBool = false
            return FileManager.default.fileExists(atPath: root + "/memory/" + $0, isDirectory: &folder) && !folder.boolValue
        }
        #expect(files.count > 50)
        for path in files {
            #expect(FileManager.default.contents(atPath: root + "/spilled/" + path) == FileManager.default.contents(atPath: root + "/memory/" + path),
                    "\(path) differs")
        }
    }

    /// A graph made a few articles at a time without keeping their shares (a single build)
    /// equals the one that keeps them (a session).
    @Test func aGraphMadeInBatchesEqualsOneMadeAtOnce() {
        let analysis = SiteBuilder.analyse(contentDirectory: repositoryRoot + "/content")
        let kept = SiteGraph(content: analysis.content, annotated: analysis.annotated)
        for batch in [1, 2, 4] {
            let made = SiteGraph(content: analysis.content, annotated: analysis.annotated, reusing: nil, changed: [],
                                 keepingShares: false, batch: batch)
            #expect(made.mentions == kept.mentions && made.sentences == kept.sentences && made.articles == kept.articles)
            #expect(made.related == kept.related && made.articlesByDate == kept.articlesByDate)
        }
        #expect(analysis.content.articles.count > 4)
    }
}
