import Foundation

/// A static host and the limits on what it accepts, as its documentation states them.
public enum StaticHost: String, Sendable, CaseIterable {
    case githubPages = "github-pages"
    case cloudflarePages = "cloudflare-pages"
    case netlify
    case generic

    /// Largest file accepted, in bytes.
    public var largestFile: Int64 {
        switch self {
        case .githubPages: 100 * 1_000_000        // a push with a larger file is refused
        case .cloudflarePages: 25 * 1_048_576     // 25 MiB per asset
        case .netlify, .generic: 20 * 1_048_576   // the dossier's own bound (shared/DESIGN.md)
        }
    }

    /// Most files in one site, when the host has such a limit.
    public var mostFiles: Int? {
        switch self {
        case .cloudflarePages: 20_000
        default: nil
        }
    }

    /// Largest site, when the host has such a limit.
    public var largestSite: Int64? {
        switch self {
        case .githubPages: 1_000_000_000          // published sites may be no larger than 1 GB
        default: nil
        }
    }

    /// Every file or total of `site` the host would refuse, as messages naming them.
    public func problems(with site: SiteFiles) -> [String] {
        var problems: [String] = []
        for file in site.files where file.size > largestFile {
            problems.append("\(file.path): \(SiteFiles.megabytes(file.size)) is over \(rawValue)'s limit of \(SiteFiles.megabytes(largestFile)) per file")
        }
        if let mostFiles, site.files.count > mostFiles {
            problems.append("\(site.files.count) files are over \(rawValue)'s limit of \(mostFiles) files per site")
        }
        if let largestSite, site.totalSize > largestSite {
            problems.append("\(SiteFiles.megabytes(site.totalSize)) in all is over \(rawValue)'s limit of \(SiteFiles.megabytes(largestSite)) per site")
        }
        return problems
    }
}
