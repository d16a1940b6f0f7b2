import Foundation
import Testing
@testable import DossierKit

/// The five seed pages, imported from scratch, give the curated articles.
@Suite struct ImportSeedTests {
    /// A seed raw file and the facts its text does not state (given as options).
    struct Seed: Sendable, CustomTestStringConvertible {
        var raw: String
        var options: ImportOptions
        var testDescription: String { raw }
    }

    static let seeds: [Seed] = [
        // "सियोल, 2 नवंबर (आईएएनएस)": the day and month, not the year.
        Seed(raw: "000_c59bcaff050d0120.txt", options: ImportOptions(date: "2024")),
        // "22/10/2024": everything.
        Seed(raw: "001_57d833d9007ed93a.txt", options: ImportOptions()),
        // Only "शनिवार" (Saturday).
        Seed(raw: "002_00d2410934314b73.txt", options: ImportOptions(date: "2024-11-30")),
        // "13 सितंबर", "14 सितंबर" are the events', not the publication's.
        Seed(raw: "003_7479646e0f45031a.txt", options: ImportOptions(date: "2024-09-14")),
        // Only "गुरुवार" (Thursday).
        Seed(raw: "004_ea0975619d20cf2b.txt", options: ImportOptions(date: "2023-07-27")),
    ]

    @Test(arguments: seeds)
    func importsLikeTheCuratedArticle(_ seed: Seed) throws {
        let folder = ImportTestKit.contentFolder()
        defer { ImportTestKit.remove(folder.root) }
        let report = ImportRun.run(ImportRequest(files: [ImportTestKit.seedContent + "/raw/" + seed.raw],
                                                 content: folder.content, options: seed.options))
        #expect(report.succeeded, "\(report.outcomes.flatMap(\.diagnostics))")
        let path = try #require(report.outcomes.first?.articlePath)
        let imported = try #require(ImportTestKit.article(path))
        let curated = try #require(ImportTestKit.curatedArticle(raw: seed.raw))

        #expect(ImportTestKit.normalised(imported.body) == ImportTestKit.normalised(ImportTestKit.withoutAnnotations(curated.body)))
        #expect(imported.title == curated.title)
        #expect(imported.place == curated.place)
        #expect(imported.date == curated.date)
        #expect(imported.source == curated.source)
        #expect(imported.url == curated.url)
        #expect(imported.language == curated.language)
        #expect(imported.raw == curated.raw)
        // The raw page is copied into the dossier.
        #expect(FileManager.default.contents(atPath: folder.content + "/raw/" + seed.raw)
                == FileManager.default.contents(atPath: ImportTestKit.seedContent + "/raw/" + seed.raw))
    }

    /// Byte for byte, the file is the curated one but for what the text cannot tell: the
    /// `meetings:` line and the explicit meeting annotations.
    @Test(arguments: seeds)
    func writesTheCuratedFormat(_ seed: Seed) throws {
        let article = ImportTestKit.importer().importPage(ImportTestKit.read(ImportTestKit.seedContent + "/raw/" + seed.raw),
                                                          rawName: seed.raw, file: seed.raw, options: seed.options)
        let curated = try #require(ImportTestKit.curatedArticle(raw: seed.raw))
        var expected = ImportTestKit.withoutAnnotations(ImportTestKit.read(ImportTestKit.seedContent + "/articles/" + curated.id + ".md"))
        expected = expected.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("meetings:") }.joined(separator: "\n")
        #expect(ArticleMarkdown.file(article) == expected)
    }

    /// What the text states comes from the text alone; what it does not is left out, with a
    /// warning naming the file.
    @Test func statesOnlyWhatTheTextSays() {
        let importer = ImportTestKit.importer()
        func page(_ raw: String) -> ImportedArticle {
            importer.importPage(ImportTestKit.read(ImportTestKit.seedContent + "/raw/" + raw), rawName: raw,
                                file: "content/raw/" + raw, options: ImportOptions())
        }
        let dated = page("001_57d833d9007ed93a.txt")
        #expect(dated.date == "2024-10-22")
        #expect(dated.source == "नेपाल-भारत सिमा")
        #expect(dated.author == "जीत बहादुर चौधरी")
        #expect(!dated.diagnostics.contains { $0.message.contains("date") })

        let noYear = page("000_c59bcaff050d0120.txt")
        #expect(noYear.date == nil)
        #expect(noYear.place == "सियोल")
        #expect(noYear.source == "IANS")
        #expect(noYear.diagnostics.contains { $0.severity == .warning && $0.file == "content/raw/000_c59bcaff050d0120.txt"
                && $0.line == 1 && $0.message.contains("without the year") })
        #expect(noYear.id == "kim-blair")

        let noSource = page("004_ea0975619d20cf2b.txt")
        #expect(noSource.source == nil)
        #expect(noSource.diagnostics.contains { $0.message.contains("names no outlet") })
        #expect(noSource.diagnostics.contains { $0.message.contains("no publication date") })
    }

    @Test func idsComeFromTheDateAndTheMostNamedPeople() {
        let importer = ImportTestKit.importer()
        let expected = [
            "000_c59bcaff050d0120.txt": "2024-11-02-kim-blair",
            "001_57d833d9007ed93a.txt": "2024-10-22-yoon-rutte",
            "003_7479646e0f45031a.txt": "2024-09-14-shoigu-kim",
        ]
        for seed in ImportSeedTests.seeds {
            guard let id = expected[seed.raw] else { continue }
            let article = importer.importPage(ImportTestKit.read(ImportTestKit.seedContent + "/raw/" + seed.raw),
                                              rawName: seed.raw, file: seed.raw, options: seed.options)
            #expect(article.id == id)
            #expect(Slug.isValid(article.id))
        }
    }

    /// A hint, never written: the registry meeting the article probably reports.
    @Test func hintsAtTheMeetingReported() {
        let seed = ImportSeedTests.seeds[2]
        let article = ImportTestKit.importer().importPage(ImportTestKit.read(ImportTestKit.seedContent + "/raw/" + seed.raw),
                                                          rawName: seed.raw, file: seed.raw, options: seed.options)
        #expect(article.possibleMeetings == ["2024-11-29-belousov-kim-pyongyang"])
        #expect(!ArticleMarkdown.file(article).contains("meetings:"))
    }
}
