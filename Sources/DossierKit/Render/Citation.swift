/// A ready-made citation of an article: outlet, title, date, address and access date,
/// as a sentence and as a BibLaTeX entry. The access date is the article's `accessed:`
/// (the day the page was retrieved), else its publication date: never the clock, so that
/// builds stay byte-identical.
public struct Citation: Sendable, Hashable {
    /// The original's address, or the article's page in this dossier when it has none.
    public var url: String
    public var isOriginal: Bool
    /// ISO date.
    public var accessed: String
    public var text: String
    public var bibtex: String

    public init(article: Article, site: SiteConfig) {
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
        var out = ""
        for character in text {
            switch character {
            case "\\": out += "\\textbackslash{}"
            case "{", "}", "&", "%", "$", "#", "_": out += "\\" + String(character)
            case "~": out += "\\textasciitilde{}"
            case "^": out += "\\textasciicircum{}"
            default: out.append(character)
            }
        }
        return out
    }
}
