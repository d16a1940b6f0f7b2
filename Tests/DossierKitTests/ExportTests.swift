import Foundation
import Testing
@testable import DossierKit

/// `dossier export --sqlite` on the seed dossier: every mention of the data files is in it,
/// references resolve, and the full-text index finds Hindi words.
@Suite struct ExportTests {
    @Test func theSeedDossierExportsWithEveryMentionAndASearchableIndex() throws {
        let folder = temporaryFolder("export")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let analysis = SiteBuilder.analyse(contentDirectory: repositoryRoot + "/content")
        let path = folder + "/dossier.db"
        let count = try DossierExport.sqlite(analysis, to: path)
        #expect(count == analysis.annotated.reduce(0) { $0 + $1.mentions.count })
        #expect(!FileManager.default.fileExists(atPath: path + ".tmp-\(getpid())"))
        let database = try SQLiteDatabase(creating: path)
        func rows(_ sql: String) throws -> [[String?]] { try database.prepare(sql).rows() }
        #expect(try rows("SELECT count(*) FROM mentions") == [["\(count)"]])
        #expect(try rows("SELECT count(*) FROM articles") == [["\(analysis.content.articles.count)"]])
        #expect(try rows("PRAGMA foreign_key_check").isEmpty)
        // Each mention's text lies in its sentence, and its link names its article.
        #expect(try rows("SELECT count(*) FROM mentions m JOIN sentences s ON s.id = m.sentence WHERE instr(s.text, m.text) = 0 OR s.article <> m.article OR m.link NOT LIKE 'articles/' || m.article || '/index.html#m%'") == [["0"]])
        // A build's data files hold the same mentions and sentences, row for row.
        let site = folder + "/public"
        try SiteBuilder.build(BuildOptions(content: repositoryRoot + "/content", templates: repositoryRoot + "/templates", output: site))
        let tables = try SiteTables(output: site)
        let inFiles = tables.mentions.map { row in
            ["\(row["article"]!)", "\(row["type"]!):\(row["entity"]!)", "\(row["text"]!)", "\(row["sentence"]!)",
             "\(row["auto"] as! Bool ? 1 : 0)", "\(row["link"]!)", "\(row["sentenceText"]!)"]
        }
        let inDatabase = try rows("""
            SELECT m.article, m.entity, m.text, s.position, m.auto, m.link, s.text FROM mentions m
            JOIN sentences s ON s.id = m.sentence ORDER BY m.id
            """).map { $0.map { $0 ?? "" } }
        #expect(inFiles.count == count && inFiles.sorted { $0.joined(separator: "|") < $1.joined(separator: "|") }
                == inDatabase.sorted { $0.joined(separator: "|") < $1.joined(separator: "|") })
        // Full text, Hindi: every sentence the index gives holds the word.
        let found = try rows("SELECT s.text FROM sentences_fts JOIN sentences s ON s.id = sentences_fts.rowid WHERE sentences_fts MATCH 'शोइगु'")
        #expect(!found.isEmpty)
        #expect(found.allSatisfy { $0[0]?.contains("शोइगु") == true })
        // Who was named with whom: pairs of entities in one sentence.
        let pairs = try rows("""
            SELECT a.entity, b.entity, count(*) FROM mentions a JOIN mentions b ON a.sentence = b.sentence AND a.entity < b.entity
            WHERE a.entity = 'person:kim-jong-un' GROUP BY 1, 2 ORDER BY 3 DESC LIMIT 3
            """)
        #expect(!pairs.isEmpty)
    }
}
