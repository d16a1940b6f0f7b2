/// A ready-made citation of an article: outlet, title, date, address and access date,
/// as a sentence and as a BibLaTeX entry. The access date is the article's `accessed:`
/// (the day the page was retrieved), else its publication date: never the clock, so that
/// builds stay byte-identical.
struct Citation: Sendable, Hashable {
    /// The original's address, or the article's page in this dossier when it has none.
    var url: String
    var isOriginal: Bool
    /// ISO date.
    var accessed: String
    var text: String
    var bibtex: String

    init(article: Article, site: SiteConfig) {
        isOriginal = article.url != nil
        url = article.url ?? site.baseURL + article.path
        accessed = article.accessed ?? article.date
        var parts: [String] = []
        if let source = article.source { parts.append(source + ".") }
        parts.append("“" + article.title + ".”")
        parts.append(ISODate.display(article.date) + ".")
        parts.append(url + ".")
        parts.append("Accessed " + ISODate.display(accessed) + ".")
        text = parts.joined(separator: " ")

        var fields: [(String, String)] = [("title", Citation.tex(article.title))]
        if let source = article.source { fields.append(("organization", Citation.tex(source))) }
        fields.append(("date", article.date))
        fields.append(("url", url))
        fields.append(("urldate", accessed))
        if let language = article.language { fields.append(("langid", Citation.tex(language))) }
        bibtex = "@online{" + article.id + ",\n" + fields.map { "  \($0.0) = {\($0.1)}," }.joined(separator: "\n") + "\n}"
    }

    /// Escapes what LaTeX treats specially in a field's text.
    static func tex(_ text: String) -> String {
        // All the special characters are ASCII: work on bytes, and most titles need nothing.
        guard text.utf8.contains(where: isSpecial) else { return text }
        var out: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\\"): out += Array("\\textbackslash{}".utf8)
            case UInt8(ascii: "~"): out += Array("\\textasciitilde{}".utf8)
            case UInt8(ascii: "^"): out += Array("\\textasciicircum{}".utf8)
            case _ where isSpecial(byte): out += [UInt8(ascii: "\\"), byte]
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func isSpecial(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "\\"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "&"), UInt8(ascii: "%"),
             UInt8(ascii: "$"), UInt8(ascii: "#"), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "^"): return true
        default: return false
        }
    }
}
