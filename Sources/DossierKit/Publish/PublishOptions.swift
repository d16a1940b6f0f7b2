/// Where `dossier publish` takes the site from and puts it.
public struct PublishOptions: Sendable {
    public enum Target: Sendable, Equatable {
        /// A folder to mirror the site into (a web server's root, a folder rsync sends).
        case folder(String)
        /// A git repository (URL or path) and the branch the site is committed to.
        case git(String, branch: String)
    }

    public var site: String
    public var target: Target
    public var host: StaticHost
    /// The dossier's folders, which a target must never be or hold.
    public var content: String
    public var templates: String

    public init(site: String = "public", target: Target, host: StaticHost = .generic, content: String = "content", templates: String = "templates") {
        self.site = site
        self.target = target
        self.host = host
        self.content = content
        self.templates = templates
    }
}

/// What a publish did.
public struct PublishReport: Sendable {
    public var files: Int
    /// Files copied (folder) or changed in the new commit (git).
    public var changed: Int
    public var removed: Int
    /// The new commit (git), nil when nothing changed.
    public var commit: String?
}

/// Why nothing was published.
public struct PublishRefusal: Error, Sendable, CustomStringConvertible {
    public var problems: [String]
    public var description: String { problems.joined(separator: "\n") }
}
