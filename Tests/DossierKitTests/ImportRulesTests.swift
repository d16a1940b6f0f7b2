import Foundation
import Testing
@testable import DossierKit

/// The boilerplate rules live in `content/import-rules.yml`, not in code.
@Suite struct ImportRulesTests {
    static let page = """
        उत्तर कोरिया और रूस ने सैन्य सहयोग बढ़ाने पर सहमति जताई
        सोल, 3 दिसंबर (आईएएनएस)। उत्तर कोरिया और रूस ने सैन्य सहयोग बढ़ाने पर सहमति जताई है।
        यह खबर हमारे सहयोगी प्रकाशन की वेबसाइट से साभार ली गई है और इसमें कोई बदलाव नहीं किया गया है।
        दोनों देशों के अधिकारियों ने प्योंगयांग में बैठक की।
        Newsletter
        यह पंक्ति समाचार-पत्र के बाद की है।
        """

    static let seedRules = ImportTestKit.read(ImportTestKit.seedContent + "/" + ImportRules.fileName)

    func importBody(rules: String) throws -> (body: String, source: String?) {
        let folder = ImportTestKit.contentFolder(rules: rules)
        defer { ImportTestKit.remove(folder.root) }
        let file = folder.root + "/page.txt"
        try ImportRulesTests.page.write(toFile: file, atomically: true, encoding: .utf8)
        let report = ImportRun.run(ImportRequest(files: [file], content: folder.content, options: ImportOptions(date: "2024")))
        let article = try #require(report.outcomes.first?.article, "\(report.diagnostics)")
        return (article.body, article.source)
    }

    /// A line that reads as text (the classifier keeps it) goes when a researcher says so.
    @Test func aRuleAddedToTheDataFileDropsTheLine() throws {
        let before = try importBody(rules: ImportRulesTests.seedRules)
        #expect(before.body.contains("सहयोगी प्रकाशन"))

        let extended = ImportRulesTests.seedRules.replacingOccurrences(
            of: "\ndrop:\n", with: "\ndrop:\n  - prefix: यह खबर हमारे सहयोगी प्रकाशन\n")
        #expect(extended != ImportRulesTests.seedRules)
        let after = try importBody(rules: extended)
        #expect(!after.body.contains("सहयोगी प्रकाशन"))
        #expect(after.body.contains("प्योंगयांग में बैठक की।"))
    }

    @Test func aCutRuleDropsTheRestAndMayNameTheSource() throws {
        let extended = ImportRulesTests.seedRules.replacingOccurrences(
            of: "\ncut:\n", with: "\ncut:\n  - exact: Newsletter\n    source: Example News\n")
        let result = try importBody(rules: extended)
        #expect(!result.body.contains("Newsletter"))
        #expect(!result.body.contains("समाचार-पत्र के बाद"))
        // A rule's source beats the dateline's agency (आईएएनएस).
        #expect(result.source == "Example News")
    }

    @Test func everyMistakeIsReportedWithItsLine() {
        let text = """
            drop:
              - exact: spot_img
              - regex: '^(unclosed'
              - source: NDTV
              - exact: a
                prefix: b
              - exact: c
                next: many
              - exact: d
                colour: red
            source_links:
              - regex: '^Source: (?<address>\\S+)$'
            bylines: none
            boilerplate:
              - exact: e
            """
        let (rules, diagnostics) = ImportRules.parse(text, file: "content/import-rules.yml")
        #expect(rules == nil)
        let errors = diagnostics.filter { $0.severity == .error }
        #expect(errors.contains { $0.line == 3 && $0.message.contains("invalid regular expression") })
        #expect(errors.contains { $0.line == 4 && $0.message.contains("no pattern") })
        #expect(errors.contains { $0.line == 5 && $0.message.contains("more than one pattern") })
        #expect(errors.contains { $0.line == 8 && $0.message.contains("next: many") })
        #expect(errors.contains { $0.line == 12 && $0.message.contains("group named url") })
        #expect(errors.contains { $0.line == 13 && $0.message.contains("must be a list") })
        let warnings = diagnostics.filter { $0.severity == .warning }
        #expect(warnings.contains { $0.line == 10 && $0.message.contains("colour") })
        #expect(warnings.contains { $0.line == 14 && $0.message.contains("boilerplate") })
        #expect(diagnostics.allSatisfy { $0.file == "content/import-rules.yml" })
        #expect(errors.allSatisfy { $0.hint != nil })
    }

    @Test func brokenRulesStopTheImportBeforeAnythingIsWritten() throws {
        let folder = ImportTestKit.contentFolder(rules: "drop:\n  - regex: '[unclosed'\n")
        defer { ImportTestKit.remove(folder.root) }
        let report = ImportRun.run(ImportRequest(files: [ImportTestKit.seedContent + "/raw/001_57d833d9007ed93a.txt"],
                                                 content: folder.content))
        #expect(!report.succeeded)
        #expect(report.diagnostics.contains { $0.file.hasSuffix("import-rules.yml") && $0.line == 2 })
        #expect(ImportTestKit.articleFiles(folder.content).isEmpty)
    }

    @Test func withoutARulesFileTheBuiltInRulesApplyWithAWarning() throws {
        let folder = ImportTestKit.contentFolder()
        defer { ImportTestKit.remove(folder.root) }
        try FileManager.default.removeItem(atPath: folder.content + "/" + ImportRules.fileName)
        let report = ImportRun.run(ImportRequest(files: [ImportTestKit.seedContent + "/raw/001_57d833d9007ed93a.txt"],
                                                 content: folder.content))
        #expect(report.succeeded)
        #expect(report.diagnostics.contains { $0.severity == .warning && $0.message.contains("built-in") })
        let body = try #require(report.outcomes.first?.article?.body)
        #expect(!body.contains("RELATED ARTICLES"))
    }

    /// The fallback rules parse cleanly and treat the seed pages as the dossier's rules do.
    @Test func theBuiltInRulesCleanTheSeedsLikeTheDossiersRules() throws {
        let (builtIn, diagnostics) = ImportRules.parse(DefaultImportRules.yaml, file: "built-in")
        #expect(diagnostics.isEmpty)
        let rules: ImportRules = try #require(builtIn)
        let fallback = ImportTestKit.importer(rules: rules)
        let dossier = ImportTestKit.importer()
        for seed in ImportSeedTests.seeds {
            let text = ImportTestKit.read(ImportTestKit.seedContent + "/raw/" + seed.raw)
            let a = fallback.importPage(text, rawName: seed.raw, file: seed.raw, options: seed.options)
            let b = dossier.importPage(text, rawName: seed.raw, file: seed.raw, options: seed.options)
            #expect(ArticleMarkdown.file(a) == ArticleMarkdown.file(b), "\(seed.raw)")
        }
    }

    @Test func patternsCompareTrimmedLinesIgnoringCase() {
        let (rules, _) = ImportRules.parse("cut:\n  - exact: related articles\n  - prefix: 'read more'\n", file: "r.yml")
        let cut = rules!.cut
        #expect(cut[0].pattern.match("RELATED ARTICLES") != nil)
        #expect(cut[0].pattern.match("Related Articles") != nil)
        #expect(cut[0].pattern.match("Related Articles here") == nil)
        #expect(cut[1].pattern.match("Read more… World Nature Conservation Day") != nil)
    }

    @Test func outletsNameAgenciesAndSites() {
        let rules = ImportTestKit.importer().rules
        #expect(rules.outletName(for: "आईएएनएस") == "IANS")
        #expect(rules.outletName(for: "https://www.ndtv.com/world-news/x") == "NDTV")
        #expect(rules.outletName(for: "https://baoquocte.vn/what-286239.html") == "Báo Quốc tế")
        #expect(rules.outletName(for: "https://example.org/x") == nil)
    }
}
