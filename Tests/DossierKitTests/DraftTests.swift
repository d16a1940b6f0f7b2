import Foundation
import Testing
@testable import DossierKit

/// `draft: true`: left out of builds (one warning each) unless `drafts`; written by the
/// import when the date cannot be read.
@Suite(.serialized) struct DraftTests {
    static let draft = """
        ---
        title: "मसौदा"
        source: Test
        draft: true
        ---
        पुतिन ने कनाडा के बारे में कहा।
        """

    static let datedDraft = """
        ---
        title: "मसौदा दिनांकित"
        date: 2024-12-02
        draft: true
        ---
        पुतिन ने नाटो के बारे में कहा।
        """

    @Test func aDraftNeedsNoDateAndDraftMustBeABoolean() {
        let (article, diagnostics) = ArticleLoader.parse(Self.draft, id: "d", file: "d.md")
        #expect(article?.draft == true && article?.date == "")
        #expect(diagnostics.isEmpty)
        let (bad, found) = ArticleLoader.parse(Self.draft.replacingOccurrences(of: "draft: true", with: "draft: maybe"), id: "d", file: "d.md")
        #expect(bad == nil)
        #expect(found.contains { $0.severity == .error && $0.line == 4 && $0.message.contains("true or false") })
        // Not a draft: the date is required as before.
        let (plain, missing) = ArticleLoader.parse(Self.draft.replacingOccurrences(of: "draft: true", with: "draft: false"), id: "d", file: "d.md")
        #expect(plain == nil && missing.contains { $0.message == "missing \"date\"" })
    }

    @Test func buildLeavesDraftsOutWithOneWarningEachAndDraftsIncludesDatedOnes() throws {
        let root = try seedWorkspace("drafts")
        defer { try? FileManager.default.removeItem(atPath: root) }
        writeFiles(["content/articles/2024-12-01-draft.md": Self.draft, "content/articles/2024-12-02-dated.md": Self.datedDraft], under: root)
        let options = BuildOptions(content: root + "/content", templates: root + "/templates", output: root + "/public")
        let report = try SiteBuilder.build(options)
        #expect(report.articles == 5)
        #expect(report.draftsLeftOut.map(\.file) == [root + "/content/articles/2024-12-01-draft.md", root + "/content/articles/2024-12-02-dated.md"])
        #expect(report.draftsLeftOut.allSatisfy { $0.severity == .warning && $0.line == 4 && $0.hint?.contains("--drafts") == true })
        #expect(!FileManager.default.fileExists(atPath: root + "/public/articles/2024-12-02-dated/index.html"))

        var with = options
        with.output = root + "/with"
        with.drafts = true
        let included = try SiteBuilder.build(with)
        #expect(included.articles == 6)
        #expect(FileManager.default.fileExists(atPath: root + "/with/articles/2024-12-02-dated/index.html"))
        // The undated one cannot be built: left out even so, saying what to add.
        #expect(included.draftsLeftOut.count == 1)
        #expect(included.draftsLeftOut.first?.hint == "add date: YYYY-MM-DD")
    }

    @Test func aPageWithoutADateIsImportedAsADraftThatTheBuildLeavesOut() throws {
        let folder = ImportTestKit.contentFolder()
        defer { ImportTestKit.remove(folder.root) }
        let page = folder.root + "/undated.txt"
        try "रूस और उत्तर कोरिया की बैठक पर चर्चा\n\nउत्तर कोरिया के नेता किम जोंग-उन ने रूस के रक्षा मंत्री से मुलाकात की।\n"
            .write(toFile: page, atomically: true, encoding: .utf8)
        let report = ImportRun.run(ImportRequest(files: [page], content: folder.content, options: ImportOptions(source: "Test")))
        #expect(report.succeeded)
        let outcome = try #require(report.outcomes.first)
        #expect(outcome.article?.draft == true)
        #expect(outcome.text?.contains("\ndraft: true\n") == true)
        #expect(outcome.diagnostics.contains { $0.file == page && $0.message.contains("written as a draft") && $0.hint?.contains("--date") == true })
        let path = try #require(outcome.articlePath)
        let article = try #require(ImportTestKit.article(path))
        #expect(article.draft && article.date.isEmpty)
        // With --date it is an ordinary article.
        let dated = ImportRun.run(ImportRequest(files: [page], content: folder.content, options: ImportOptions(date: "2024-11-30", source: "Test"),
                                                force: true))
        #expect(dated.outcomes.first?.article?.draft == false)
        #expect(dated.outcomes.first?.text?.contains("draft:") == false)
    }
}
