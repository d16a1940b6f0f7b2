import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import DossierKit

/// The seed dossier built into a temporary folder, for the research views' tests.
struct ResearchSite {
    let root: String
    let output: String
    let analysis: Analysis

    init(limits: DataLimits = .standard) throws {
        root = temporaryFolder("dossier-research")
        output = root + "/public"
        var options = BuildOptions(content: repositoryRoot + "/content", templates: repositoryRoot + "/templates", output: output)
        options.dataLimits = limits
        try SiteBuilder.build(options)
        analysis = SiteBuilder.analyse(contentDirectory: repositoryRoot + "/content")
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }

    func read(_ path: String) -> String { (try? String(contentsOfFile: output + "/" + path, encoding: .utf8)) ?? "" }

    func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: output + "/" + path) }

    var files: [String] {
        (FileManager.default.enumerator(atPath: output)?.allObjects as? [String] ?? []).filter { path in
            var folder: ObjCBool = false
            return FileManager.default.fileExists(atPath: output + "/" + path, isDirectory: &folder) && !folder.boolValue
        }.sorted()
    }

    var graph: SiteGraph { SiteGraph(content: analysis.content, annotated: analysis.annotated) }
}

/// An XML document's elements, with their attributes and text, or the parser's error.
final class XMLElements: NSObject, XMLParserDelegate {
    struct Element {
        var name: String
        var attributes: [String: String]
        var text = ""
    }

    private(set) var elements: [Element] = []
    private var open: [Int] = []
    private(set) var error: Error?

    static func parse(_ text: String) -> XMLElements {
        let result = XMLElements()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = result
        if !parser.parse() { result.error = parser.parserError ?? CocoaError(.coderReadCorrupt) }
        return result
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String]) {
        open.append(elements.count)
        elements.append(Element(name: name, attributes: attributes))
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        open.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let last = open.last { elements[last].text += string }
    }

    func named(_ name: String) -> [Element] { elements.filter { $0.name == name } }
}

/// The `<svg>…</svg>` fragments of an HTML page.
func svgFragments(_ html: String) -> [String] {
    var result: [String] = []
    var rest = html[...]
    while let start = rest.range(of: "<svg "), let end = rest[start.lowerBound...].range(of: "</svg>") {
        result.append(String(rest[start.lowerBound..<end.upperBound]))
        rest = rest[end.upperBound...]
    }
    return result
}

/// Fields of RFC 4180 CSV text, row by row.
func csvRows(_ text: String) -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var characters = Array(text.unicodeScalars)[...]
    while let character = characters.popFirst() {
        if quoted {
            if character == "\"" {
                if characters.first == "\"" { field.unicodeScalars.append("\""); characters.removeFirst() } else { quoted = false }
            } else {
                field.unicodeScalars.append(character)
            }
        } else if character == "\"" {
            quoted = true
        } else if character == "," {
            row.append(field); field = ""
        } else if character == "\r", characters.first == "\n" {
            characters.removeFirst()
            row.append(field); field = ""
            rows.append(row); row = []
        } else {
            field.unicodeScalars.append(character)
        }
    }
    if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
    return rows
}

/// A built site's parted tables (`data/parts.json`), read back whole.
struct SiteTables {
    let manifest: [String: Any]
    /// Every part's JSON Lines rows, in order; mentions with `sentenceText` added from the
    /// sentences table.
    let mentions: [[String: Any]]
    let sentences: [[String: Any]]
    /// The statements' and figures' rows, with `sentenceText` added as for mentions.
    let statements: [[String: Any]]
    let figures: [[String: Any]]
    /// The CSV parts' rows, headers dropped, and the header of the first part.
    let mentionsCSV: [[String]]
    let sentencesCSV: [[String]]
    let mentionsHeader: [String]
    /// Each table's JSON Lines parts, joined, as written.
    let jsonText: [String: String]

    init(output: String) throws {
        func read(_ path: String) throws -> String { try String(contentsOfFile: output + "/" + path, encoding: .utf8) }
        manifest = try JSONSerialization.jsonObject(with: Data(read("data/parts.json").utf8)) as! [String: Any]
        let tables = manifest["tables"] as! [String: [String: Any]]
        func parts(_ table: String) -> [[String: Any]] { tables[table]!["parts"] as! [[String: Any]] }
        func lines(_ table: String) throws -> [[String: Any]] {
            try parts(table).flatMap { part -> [[String: Any]] in
                let path = (part["jsonl"] as! [String: Any])["path"] as! String
                return try read(path).split(separator: "\n").map {
                    try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
                }
            }
        }
        func csv(_ table: String) throws -> (header: [String], rows: [[String]]) {
            var header: [String] = []
            var rows: [[String]] = []
            for part in parts(table) {
                let all = csvRows(try read((part["csv"] as! [String: Any])["path"] as! String))
                header = all.first ?? []
                rows += all.dropFirst()
            }
            return (header, rows)
        }
        jsonText = try Dictionary(uniqueKeysWithValues: ["mentions", "sentences"].map { table in
            (table, try parts(table).map { try read(($0["jsonl"] as! [String: Any])["path"] as! String) }.joined())
        })
        sentences = try lines("sentences")
        var text: [String: String] = [:]
        for sentence in sentences { text["\(sentence["article"]!)#\(sentence["sentence"]!)"] = sentence["text"] as? String }
        func withSentences(_ table: String) throws -> [[String: Any]] {
            try lines(table).map { row in
                var row = row
                row["sentenceText"] = text["\(row["article"]!)#\(row["sentence"]!)"]
                return row
            }
        }
        mentions = try withSentences("mentions")
        statements = try withSentences("statements")
        figures = try withSentences("figures")
        let mentionTable = try csv("mentions")
        mentionsHeader = mentionTable.header
        mentionsCSV = mentionTable.rows
        sentencesCSV = try csv("sentences").rows
    }
}
