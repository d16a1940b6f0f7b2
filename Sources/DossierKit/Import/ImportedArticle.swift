/// An article made from a raw page: front matter facts, Markdown body, and what the
/// importer could not tell (warnings, each naming the raw file and line).
public struct ImportedArticle: Sendable {
    /// Proposed id; the import run makes it unique in the dossier.
    public var id: String
    public var title: String
    public var date: String?
    public var source: String?
    public var url: String?
    public var place: String?
    public var language: String
    /// File name in content/raw/.
    public var raw: String
    /// Found in a byline; not written (the article format keeps no author for imports).
    public var author: String?
    public var paragraphs: [String]
    /// Written as `draft: true`: a required fact (the date) could not be read and was not
    /// given, so builds leave the article out until it is completed.
    public var draft = false
    /// Registry meetings the article may report (participants named, date just before);
    /// a hint only, never written.
    public var possibleMeetings: [String]
    public var diagnostics: [Diagnostic]
    /// What became of every non-blank line of the raw page, in order: title, date line,
    /// dateline, body, or dropped with its reason (`dossier import --explain`).
    public var lines: [LineDecision] = []

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// The Markdown body: paragraphs, escaped, one blank line apart.
    public var body: String { ArticleMarkdown.body(paragraphs) }
}
