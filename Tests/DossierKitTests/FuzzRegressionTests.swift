import Foundation
import Synchronization
import Testing
@testable import DossierKit

/// Replays the fuzzer's seed corpus (fuzz/corpus) and every input it ever found a problem
/// with (Fixtures/fuzz) through `ArticleFuzzing`, the same path `make fuzz` drives.
@Suite struct FuzzRegressionTests {
    static let inputs: [String] = [repositoryRoot + "/fuzz/corpus", repositoryRoot + "/Tests/DossierKitTests/Fixtures/fuzz"].flatMap { folder in
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted().map { folder + "/" + $0 }
    }

    @Test(arguments: inputs) func inputRendersWithoutProblems(_ path: String) throws {
        let theme = try Theme.load(directory: repositoryRoot + "/templates").get()
        let bytes = try #require(FileManager.default.contents(atPath: path))
        #expect(ArticleFuzzing(theme: theme).run(Array(bytes)) == [])
    }

    @Test func theHarnessReportsWhatItChecks() throws {
        let theme = try Theme.load(directory: repositoryRoot + "/templates").get()
        let fuzzing = ArticleFuzzing(theme: theme)
        #expect(fuzzing.registry.entities.count == 7)
        // The checks themselves can fail: a script tag, a javascript: address, an invisible control.
        let annotation = AnnotatedArticle(bodyHTML: "", sentences: [], mentions: [], diagnostics: [], summary: "")
        #expect(ArticleFuzzing.problems(in: "<p><SCRIPT>x</SCRIPT></p>", path: "p", annotation: annotation) == ["p: <script"])
        #expect(ArticleFuzzing.problems(in: "<a href=\"javascript:x\">", path: "p", annotation: annotation) == ["p: href=\"javascript: or data:"])
        #expect(ArticleFuzzing.problems(in: "a\u{202E}b", path: "p", annotation: annotation) == ["p: invisible U+202e"])
        // The CSV is text: a sentence's `<script*a` (no tag, text in the article too) is no problem there.
        #expect(ArticleFuzzing.problems(in: "a,\"<script*a _a*_ >x\"", path: "data/mentions.csv", annotation: annotation) == [])
        // An input refused as content is no problem; a good one renders cleanly.
        #expect(fuzzing.run([0xFF, 0xFE]) == [])
        #expect(fuzzing.run(Array("किम जोंग-उन [रूस](country:russia)".utf8)) == [])
        // The registry and site.yml parts: fuzzed too, refused inputs are no problem.
        #expect(ArticleFuzzing.parts("a\n@@people\n- id: x\n@@site\ntitle: T\n") == ("a", "- id: x", "title: T\n"))
        #expect(fuzzing.run(Array("एक्स और रूस।\n@@people\n- id: x\n  name: X\n  aliases: [एक्स]\n@@site\ntitle: T\nlanguage: hi\n".utf8)) == [])
        #expect(fuzzing.run(Array("x\n@@people\n- id: [\n".utf8)) == [])
        #expect(fuzzing.run(Array("x\n@@site\nbase_url: javascript:x\n".utf8)) == [])
    }

    /// The fuzzer's output bound catches what issue 12 found by hand: the release before it
    /// wrote a long sentence again for every mention (here about 6 MB from 4 KB).
    @Test func outputOutOfProportionIsAProblem() throws {
        let theme = try Theme.load(directory: repositoryRoot + "/templates").get()
        let fuzzing = ArticleFuzzing(theme: theme)
        let sentence = String(repeating: "रूस ", count: 400)
        #expect(fuzzing.run(Array(sentence.utf8)) == [])
        #expect(ArticleFuzzing.outputBound(articleBytes: sentence.utf8.count, registryBytes: 0) < 400 * 2 * sentence.utf8.count)
    }
}

/// `parallelMap` freed its results without releasing them: every build leaked all it
/// mapped (found by LeakSanitizer under the fuzzer).
@Suite struct ParallelMapTests {
    final class Counted: Sendable {
        static let live = Counter()
        init() { Counted.live.add(1) }
        deinit { Counted.live.add(-1) }
    }

    final class Counter: Sendable {
        private let value = Synchronization.Mutex(0)
        func add(_ delta: Int) { value.withLock { $0 += delta } }
        var count: Int { value.withLock { $0 } }
    }

    @Test func resultsAreReleasedWithTheArray() {
        do {
            let mapped = parallelMap(Array(0..<1_000)) { _ in Counted() }
            #expect(Counted.live.count == 1_000)
            #expect(mapped.count == 1_000)
        }
        #expect(Counted.live.count == 0)
    }
}
