/// Writes an imported article as `content/articles/<id>.md`, in the format the curated
/// articles use: front matter keys in the order title, date, source, url, place, language,
/// raw, draft; the title and the address in double quotes; paragraphs one blank line apart.
enum ArticleMarkdown {
    static func file(_ article: ImportedArticle) -> String {
        var lines = ["---", "title: " + quoted(article.title)]
        if let date = article.date { lines.append("date: " + date) }
        if let source = article.source { lines.append("source: " + scalar(source)) }
        if let url = article.url { lines.append("url: " + quoted(url)) }
        if let place = article.place { lines.append("place: " + scalar(place)) }
        lines.append("language: " + scalar(article.language))
        lines.append("raw: " + scalar(article.raw))
        if article.draft { lines.append("draft: true") }
        lines.append("---")
        return lines.joined(separator: "\n") + "\n" + body(article.paragraphs)
    }

    /// Paragraphs as Markdown, escaped so that the text reads as written.
    static func body(_ paragraphs: [String]) -> String {
        paragraphs.map(escape).joined(separator: "\n\n") + (paragraphs.isEmpty ? "" : "\n")
    }

    /// A YAML double-quoted string.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 { result += "\\x" + String(scalar.value, radix: 16).leftPadded(to: 2) } else { result.unicodeScalars.append(scalar) }
            }
        }
        return result + "\""
    }

    /// Plain when YAML reads it back as the same text (`NDTV`, `सियोल`, `नेपाल-भारत सिमा`),
    /// quoted otherwise.
    static func scalar(_ text: String) -> String {
        let reserved: Set<String> = ["true", "false", "yes", "no", "on", "off", "null", "~", "y", "n"]
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
              first.properties.isAlphabetic || (48...57).contains(first.value),
              !last.properties.isWhitespace,
              !reserved.contains(text.lowercased()),
              Double(text) == nil,
              text.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || $0.properties.generalCategory == .spacingMark
                  || $0.properties.generalCategory == .nonspacingMark || (48...57).contains($0.value)
                  || " -_.".unicodeScalars.contains($0) })
        else { return quoted(text) }
        return text
    }

    /// Backslash before what Markdown would read as markup: emphasis, code, links, HTML,
    /// and a line start that opens a heading, quote, list or rule.
    static func escape(_ paragraph: String) -> String {
        // On bytes: every character to escape is ASCII, and a page can be tens of megabytes.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(paragraph.utf8.count + 16)
        var first = true
        for byte in paragraph.utf8 {
            if first, byte < 0x80, escapedAtStart[Int(byte)] { bytes.append(UInt8(ascii: "\\")) }
            else if byte < 0x80, escapedAnywhere[Int(byte)] { bytes.append(UInt8(ascii: "\\")) }
            first = false
            bytes.append(byte)
        }
        // `1.` or `1)` at the start would open an ordered list.
        let digits = bytes.prefix { (48...57).contains($0) }.count
        if digits > 0, digits <= 9, digits < bytes.count, bytes[digits] == UInt8(ascii: ".") || bytes[digits] == UInt8(ascii: ")"),
           digits + 1 == bytes.count || bytes[digits + 1] == UInt8(ascii: " ") {
            bytes.insert(UInt8(ascii: "\\"), at: digits)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static let escapedAnywhere: [Bool] = (0..<128).map { "\\`*_[]<&~".utf8.contains(UInt8($0)) }
    /// At the start of a paragraph also what opens a heading, list, quote, table or rule.
    private static let escapedAtStart: [Bool] = (0..<128).map { "\\`*_[]<&~#+-=|>".utf8.contains(UInt8($0)) }
}
