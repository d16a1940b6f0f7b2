import Foundation
import Testing
@testable import DossierKit

/// The mentions and sentences tables in parts: small limits cut the seed dossier as large
/// limits cut a large one, and every part keeps to them.
@Suite struct DataPartsTests {
    func site(bytes: Int = DataLimits.standard.partBytes, rows: Int = DataLimits.standard.partRows) throws -> ResearchSite {
        var limits = DataLimits.standard
        limits.partBytes = bytes
        limits.partRows = rows
        return try ResearchSite(limits: limits)
    }

    func parts(_ tables: SiteTables, _ table: String) -> [[String: Any]] {
        (tables.manifest["tables"] as! [String: [String: Any]])[table]!["parts"] as! [[String: Any]]
    }

    @Test func partsKeepToTheLimitsAndTogetherHoldTheWholeTable() throws {
        let whole = try site()
        defer { whole.remove() }
        let reference = try SiteTables(output: whole.output)
        #expect(parts(reference, "mentions").count == 1 && parts(reference, "sentences").count == 1)

        for (bytes, rows) in [(4_000, 1_000_000), (1_000_000, 7), (2_500, 5)] {
            let cut = try site(bytes: bytes, rows: rows)
            defer { cut.remove() }
            let tables = try SiteTables(output: cut.output)
            // The same rows, in the same order, as one part held.
            #expect(tables.jsonText == reference.jsonText)
            #expect(tables.mentionsCSV == reference.mentionsCSV && tables.sentencesCSV == reference.sentencesCSV)
            for table in ["mentions", "sentences"] {
                let list = parts(tables, table)
                #expect(list.count > 2, "\(table) at \(bytes) bytes, \(rows) rows")
                for part in list {
                    let count = part["rows"] as! Int
                    #expect(count <= rows && count > 0)
                    for format in ["jsonl", "csv"] {
                        let file = part[format] as! [String: Any]
                        let size = try FileManager.default.attributesOfItem(atPath: cut.output + "/" + (file["path"] as! String))[.size] as! Int
                        // The manifest's sizes are the files' sizes, and within the limit
                        // (a single row larger than it would be a part alone: none here is).
                        #expect(size == file["bytes"] as! Int, "\(file)")
                        #expect(size <= bytes, "\(file)")
                    }
                    #expect(csvRows(cut.read((part["csv"] as! [String: Any])["path"] as! String)).count == count + 1)
                }
            }
        }
    }

    @Test func anArticleLargerThanAPartIsSplitBetweenRows() throws {
        let cut = try site(rows: 3)
        defer { cut.remove() }
        let tables = try SiteTables(output: cut.output)
        let list = parts(tables, "mentions")
        // Every seed article has more than three mentions: parts begin and end inside articles.
        #expect(list.contains { ($0["first"] as! String) == ($0["last"] as! String) })
        #expect(list.allSatisfy { ($0["rows"] as! Int) <= 3 })
        #expect(list.reduce(0) { $0 + ($1["rows"] as! Int) } == tables.mentions.count)
        #expect((cut.read("data/parts.json").contains("\"path\": \"data/mentions/part-0001.jsonl\"")))
    }

    @Test func theExplorePageLinksEveryPart() throws {
        let cut = try site(bytes: 5_000)
        defer { cut.remove() }
        let page = cut.read("explore/index.html")
        let tables = try SiteTables(output: cut.output)
        for table in ["mentions", "sentences"] {
            for part in parts(tables, table) {
                for format in ["jsonl", "csv"] {
                    let path = (part[format] as! [String: Any])["path"] as! String
                    #expect(page.contains("href=\"../\(path)\""), "\(path)")
                }
            }
        }
        #expect(page.contains("href=\"../data/parts.json\""))
    }

    /// `data/articles.json` is written whole while it fits in a part; the articles table, in
    /// parts, always is.
    @Test func theArticlesFileIsWrittenWholeOnlyWhileItFits() throws {
        let whole = try site()
        defer { whole.remove() }
        let json = whole.read("data/articles.json")
        #expect(!json.isEmpty && whole.read("data/parts.json").contains("\"articles\": \"data/articles.json\""))
        #expect(whole.read("explore/index.html").contains("href=\"../data/articles.json\""))
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        let lines = whole.read("data/articles/part-0001.jsonl").split(separator: "\n")
        #expect(lines.count == rows.count && rows.count == 5)
        // Exactly as large as the limit: still whole.
        let exact = try site(bytes: json.utf8.count)
        defer { exact.remove() }
        #expect(exact.read("data/articles.json") == json)

        let cut = try site(bytes: json.utf8.count - 1)
        defer { cut.remove() }
        #expect(!FileManager.default.fileExists(atPath: cut.output + "/data/articles.json"))
        #expect(cut.read("data/parts.json").contains("\"articles\": null"))
        #expect(!cut.read("explore/index.html").contains("data/articles.json"))
        let tables = try SiteTables(output: cut.output)
        #expect(parts(tables, "articles").reduce(0) { $0 + ($1["rows"] as! Int) } == 5)
    }

    /// A part is measured by counting what the row code would write: the count equals the
    /// bytes, for every kind of character JSON and CSV escape.
    @Test func countingWhatIsWrittenEqualsWritingIt() {
        let samples = ["", "plain", "किम जोंग-उन", "\"quoted\" \\ back", "<script>&</script>", "line\nbreak\r\tend",
                       "\u{01}\u{1F}", "sep\u{2028}para\u{2029}", "\u{2026}…“”", "a,b", "=HYPERLINK(\"x\")", "-1", "\"\"\"", "\"", ","]
        for sample in samples + [samples.joined()] {
            var bytes: [UInt8] = [], count = ByteCount()
            JSON.appendQuoted(sample, to: &bytes)
            JSON.appendQuoted(sample, to: &count)
            #expect(bytes.count == count.count, "JSON \(sample.debugDescription)")
            bytes.removeAll()
            count = ByteCount()
            CSV.appendField(&bytes, sample)
            CSV.appendField(&count, sample)
            #expect(bytes.count == count.count, "CSV \(sample.debugDescription)")
            #expect(csvRows(String(decoding: bytes + [13, 10], as: UTF8.self)).first?.first.map { $0 == sample || $0 == "'" + sample } ?? sample.isEmpty,
                    "CSV round trip \(sample.debugDescription)")
        }
        for value in [0, 9, 10, 99, 100, 12_345, Int(Int32.max), Int.max] {
            var bytes: [UInt8] = []
            appendDecimal(value, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == String(value))
        }
    }

    @Test func anEmptyDossierHasOneEmptyPartOfEachTable() throws {
        let site = try SmallSite(["articles/a1.md": articleFile("कोई नाम नहीं।\n")])
        defer { site.remove() }
        let tables = try SiteTables(output: site.output)
        #expect(tables.mentions.isEmpty && tables.sentences.isEmpty)
        #expect(site.read("data/mentions/part-0001.csv") == DataTable.mentions.csvHeaderLine)
        #expect(site.read("data/sentences/part-0001.jsonl").isEmpty)
    }
}
