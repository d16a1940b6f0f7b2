/// Facts the page may not state, given on the command line. They win over the page.
public struct ImportOptions: Sendable, Hashable {
    /// `YYYY-MM-DD`, or `YYYY` to complete a day and month the page gives without a year.
    public var date: String?
    public var source: String?
    public var url: String?
    /// The article's language (the dossier's, from site.yml).
    public var language: String

    public init(date: String? = nil, source: String? = nil, url: String? = nil, language: String = "hi") {
        self.date = date
        self.source = source
        self.url = url
        self.language = language
    }

    /// Problems with the options themselves, for `file` (the command line).
    public func problems(file: String = "command line") -> [Diagnostic] {
        var problems: [Diagnostic] = []
        if let date, !ISODate.isValid(date), ImportOptions.year(date) == nil {
            problems.append(.error(file, nil, "--date \(date) is not a date", hint: "write YYYY-MM-DD, or YYYY for the year alone"))
        }
        if let url, !WebAddress.isValid(url) {
            problems.append(.error(file, nil, "--url \(url) is not an http(s) address", hint: "give the article's full address"))
        }
        return problems
    }

    static func year(_ text: String) -> Int? {
        guard text.utf8.count == 4, let year = Int(text), (1900...2100).contains(year) else { return nil }
        return year
    }
}
