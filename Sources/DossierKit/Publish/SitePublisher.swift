import Foundation

/// `dossier publish`: checks the built site against the host's limits, then mirrors it into
/// a folder or commits it to a git branch. Refused checks publish nothing.
public enum SitePublisher {
    /// `meter`, when given, is advanced as the site is checked and its files copied or added.
    public static func publish(_ options: PublishOptions, meter: BuildProgress? = nil) throws -> PublishReport {
        guard BuildManifest(output: options.site) != nil else {
            throw PublishRefusal(problems: ["\(options.site): no site that dossier build wrote (run dossier build first)"])
        }
        if case .folder(let folder) = options.target {
            try OutputSafety.check(output: folder, content: options.content, templates: options.templates)
            let site = OutputSafety.canonical(options.site), target = OutputSafety.canonical(folder)
            if site == target || OutputSafety.isInside(target, site) || OutputSafety.isInside(site, target) {
                throw PublishRefusal(problems: ["\(folder): is, holds or lies inside the site \(options.site); publish to a folder of its own"])
            }
        }
        meter?.begin("checking the site for \(options.host.rawValue)")
        let site = SiteFiles(root: options.site)
        let problems = options.host.problems(with: site)
        guard problems.isEmpty else { throw PublishRefusal(problems: problems + ["nothing was published"]) }
        switch options.target {
        case .folder(let folder): return try FolderPublisher.publish(site, to: folder, meter: meter)
        case .git(let remote, let branch): return try GitPublisher.publish(site, to: remote, branch: branch, meter: meter)
        }
    }
}
