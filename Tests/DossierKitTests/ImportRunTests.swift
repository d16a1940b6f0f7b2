import Foundation
import Testing
@testable import DossierKit

/// `dossier import` on disk: what is written, what is refused, what is never touched.
@Suite struct ImportRunTests {
    static let seed = ImportTestKit.seedContent + "/raw/001_57d833d9007ed93a.txt"

    /// Our own pages (other outlets and boilerplate than the seeds), their options, and the
    /// article each must give.
    struct Fixture: Sendable, CustomTestStringConvertible {
        var page: String
        var options: ImportOptions
        var id: String
        var testDescription: String { page }
    }

    static let fixtures: [Fixture] = [
        // Amar Ujala style: address line, breadcrumb, "Edited By", "प्रकाशित:" date line,
        // "मॉस्को।" dateline, "ये भी पढ़ें:" with its link, photo credit, "Tags:".
        Fixture(page: "amarujala-choe-lavrov", options: ImportOptions(), id: "2024-11-05-putin-kim"),
        // PTI (भाषा) wire: "सोल, 5 दिसम्बर (भाषा)" without a year, a standfirst repeated in
        // the report, an inline "ये भी पढ़ें:", the "भाषा <editors>" sign-off, "संबंधित खबरें".
        Fixture(page: "pti-troops-seoul", options: ImportOptions(date: "2024"), id: "2024-12-05-kim-russia"),
        // A blog: no headline, "नवम्बर 2024" archive line then a full date line, caption with
        // "(फोटो: ...)", Latin-script name, comment counter and WordPress comment form.
        Fixture(page: "blog-kim-exhibition",
                options: ImportOptions(source: "हिंदी ख़बर", url: "https://hindikhabar.example/kim-weapons-exhibition"),
                id: "2024-11-24-kim-north-korea"),
    ]

    @Test(arguments: fixtures)
    func ourOwnPagesImportAsExpected(_ fixture: Fixture) throws {
        let folder = ImportTestKit.contentFolder()
        defer { ImportTestKit.remove(folder.root) }
        let report = ImportRun.run(ImportRequest(files: [ImportTestKit.fixtures + "/\(fixture.page).txt"],
                                                 content: folder.content, options: fixture.options))
        #expect(report.succeeded, "\(report.outcomes.flatMap(\.diagnostics))")
        let path = folder.content + "/articles/\(fixture.id).md"
        #expect(ImportTestKit.articleFiles(folder.content) == ["\(fixture.id).md"])
        #expect(ImportTestKit.read(path) == ImportTestKit.read(ImportTestKit.fixtures + "/\(fixture.page).expected.md"))
        // And the build reads it without complaint.
        let (article, diagnostics) = ArticleLoader.parse(ImportTestKit.read(path), id: fixture.id, file: path)
        #expect(article != nil)
        #expect(diagnostics.isEmpty)
    }

    @Test func aFileThatIsNotUTF8IsRefusedAndNothingIsWritten() throws {
        let folder = ImportTestKit.contentFolder()
        defer { ImportTestKit.remove(folder.root) }
        let file = folder.root + "/latin1.txt"
        var bytes = Data("उत्तर कोरिया ने रूस का दिया साथ\nदूसरी पंक्ति\n".utf8)
        bytes.append(contentsOf: [0x63, 0x61, 0x66, 0xE9, 0x0A])  // "café" in Latin-1, line 3
        try bytes.write(to: URL(fileURLWithPath: file))
        let report = ImportRun.run(ImportRequest(files: [file], content: folder.content, options: ImportOptions(date: "2024-01-01")))
        #expect(!report.succeeded)
        let outcome = try #require(report.outcomes.first)
        #expect(outcome.status == .failed)
        #expect(outcome.diagnostics.contains { $0.severity == .error && $0.file == file && $0.line == 3
                && $0.message.contains("not UTF-8") && $0.hint != nil })
        #expect(ImportTestKit.articleFiles(folder.content).isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.content + "/raw").isEmpty)
    }

    @Test func forceIsNeededToReplaceAnImportedArticle() throws {
        let folder = ImportTestKit.contentFolder()
        defer { ImportTestKit.remove(folder.root) }
        let request = ImportRequest(files: [ImportRunTests.seed], content: folder.content)
        #expect(ImportRun.run(request).succeeded)
        let path = folder.content + "/articles/2024-10-22-yoon-rutte.md"
        let original = ImportTestKit.read(path)
        try (original + "\nहाथ से जोड़ा गया अनुच्छेद।\n").write(toFile: path, atomically: true, encoding: .utf8)

        let refused = ImportRun.run(request)
        #expect(!refused.succeeded)
        #expect(refused.outcomes.first?.status == .refused)
        #expect(refused.outcomes.first?.diagnostics.contains { $0.message.contains("already imported as") && $0.hint?.contains("--force") == true } == true)
        #expect(ImportTestKit.read(path).contains("हाथ से जोड़ा गया"))

        var forced = request
        forced.force = true
        let replaced = ImportRun.run(forced)
        #expect(replaced.succeeded)
        #expect(replaced.outcomes.first?.replaces == true)
        #expect(ImportTestKit.read(path) == original)
        #expect(ImportTestKit.articleFiles(folder.content) == ["2024-10-22-yoon-rutte.md"])
    }

    /// An article imported before keeps its id (a researcher may have renamed it).
    @Test func theCuratedSeedsAreRecognisedByTheirRawFile() throws {
        let folder = ImportTestKit.contentFolder()
        defer { ImportTestKit.remove(folder.root) }
        let curated = ImportTestKit.seedContent + "/articles/2024-10-22-yoon-rutte-nato-call.md"
        try FileManager.default.copyItem(atPath: curated, toPath: folder.content + "/articles/2024-10-22-yoon-rutte-nato-call.md")
        let report = ImportRun.run(ImportRequest(files: [ImportRunTests.seed], content: folder.content, force: true))
        #expect(report.succeeded)
        #expect(report.outcomes.first?.articlePath == folder.content + "/articles/2024-10-22-yoon-rutte-nato-call.md")
        #expect(ImportTestKit.articleFiles(folder.content) == ["2024-10-22-yoon-rutte-nato-call.md"])
    }

    @Test func aDryRunWritesNothing() throws {
        let folder = ImportTestKit.contentFolder()
        defer { ImportTestKit.remove(folder.root) }
        let report = ImportRun.run(ImportRequest(files: [ImportRunTests.seed], content: folder.content, dryRun: true))
        #expect(report.succeeded)
        let outcome = try #require(report.outcomes.first)
        #expect(outcome.status == .wouldWrite)
        #expect(outcome.text?.hasPrefix("---\ntitle: \"उत्तर कोरिया ने रूस में सेना भेजने की तैयारी की") == true)
        #expect(outcome.rawCopy == folder.content + "/raw/001_57d833d9007ed93a.txt")
        #expect(ImportTestKit.articleFiles(folder.content).isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.content + "/raw").isEmpty)
    }

    @Test func idsAreUniqueInTheDossier() throws {
        let folder = ImportTestKit.contentFolder()
        defer { ImportTestKit.remove(folder.root) }
        // Another article already holds the id; a copy of the page under another name gets the next.
        try "---\ntitle: \"x\"\ndate: 2024-10-22\nraw: other.txt\n---\nपाठ\n"
            .write(toFile: folder.content + "/articles/2024-10-22-yoon-rutte.md", atomically: true, encoding: .utf8)
        let copy = folder.root + "/copy.txt"
        try FileManager.default.copyItem(atPath: ImportRunTests.seed, toPath: copy)
        let report = ImportRun.run(ImportRequest(files: [ImportRunTests.seed, copy], content: folder.content))
        #expect(report.succeeded)
        #expect(ImportTestKit.articleFiles(folder.content)
                == ["2024-10-22-yoon-rutte-2.md", "2024-10-22-yoon-rutte-3.md", "2024-10-22-yoon-rutte.md"])
    }

    @Test func aDifferentRawFileOfTheSameNameIsNotOverwritten() throws {
        let folder = ImportTestKit.contentFolder()
        defer { ImportTestKit.remove(folder.root) }
        try "पुरानी सामग्री\n".write(toFile: folder.content + "/raw/001_57d833d9007ed93a.txt", atomically: true, encoding: .utf8)
        let report = ImportRun.run(ImportRequest(files: [ImportRunTests.seed], content: folder.content))
        #expect(report.outcomes.first?.status == .refused)
        #expect(ImportTestKit.read(folder.content + "/raw/001_57d833d9007ed93a.txt") == "पुरानी सामग्री\n")
        #expect(ImportTestKit.articleFiles(folder.content).isEmpty)
    }

    @Test func badOptionsAreReported() {
        let folder = ImportTestKit.contentFolder()
        defer { ImportTestKit.remove(folder.root) }
        let report = ImportRun.run(ImportRequest(files: [ImportRunTests.seed], content: folder.content,
                                                 options: ImportOptions(date: "30/11/2024", url: "www.example.org")))
        #expect(!report.succeeded)
        #expect(report.diagnostics.filter { $0.severity == .error }.count == 2)
        #expect(ImportTestKit.articleFiles(folder.content).isEmpty)
    }
}
