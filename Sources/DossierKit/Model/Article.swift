/// One article as loaded from `content/articles/<id>.md`.
public struct Article: Sendable, Hashable {
    /// File name stem: ASCII, lowercase, `[a-z0-9-]`.
    public var id: String
    public var title: String
    /// Publication date, ISO 8601 (`YYYY-MM-DD`).
    public var date: String
    public var source: String?
    public var url: String?
    public var place: String?
    public var language: String?
    public var raw: String?
    public var author: String?
    /// Day the original was retrieved (ISO 8601), for citations; optional.
    public var accessed: String?
    /// Ids of the meetings it reports.
    public var meetings: [String]
    /// `draft: true`: left out of builds unless they include drafts (`--drafts`); its date may be missing.
    public var draft: Bool
    /// Markdown body (after the front matter); empty while it is in `spilledBody`.
    public var body: String
    /// Where a large build keeps the body between reading and annotating it (`TextSpill`).
    var spilledBody: TextSpill.Extent?
    /// Path as the user named it, for messages.
    public var file: String
    /// Line of the file on which the body starts; body line n is file line `bodyLine + n - 1`.
    public var bodyLine: Int
    /// Line of each front matter key, for messages.
    public var keyLines: [String: Int]

    public init(id: String, title: String, date: String, source: String? = nil, url: String? = nil,
                place: String? = nil, language: String? = nil, raw: String? = nil, author: String? = nil,
                accessed: String? = nil, meetings: [String] = [], draft: Bool = false, body: String, file: String = "", bodyLine: Int = 1,
                keyLines: [String: Int] = [:]) {
        self.id = id
        self.title = title
        self.date = date
        self.source = source
        self.url = url
        self.place = place
        self.language = language
        self.raw = raw
        self.author = author
        self.accessed = accessed
        self.meetings = meetings
        self.draft = draft
        self.body = body
        self.file = file
        self.bodyLine = bodyLine
        self.keyLines = keyLines
    }

    /// Site-relative URL of the article's page folder.
    public var path: String { "articles/\(id)/" }
}
