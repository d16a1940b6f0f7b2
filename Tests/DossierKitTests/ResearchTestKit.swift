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

    init() throws {
        root = temporaryFolder("dossier-research")
        output = root + "/public"
        try SiteBuilder.build(BuildOptions(content: repositoryRoot + "/content", templates: repositoryRoot + "/templates", output: output))
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
