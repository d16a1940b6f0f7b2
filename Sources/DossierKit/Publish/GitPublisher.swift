import Foundation

/// Commits a built site to a branch of a git repository and pushes it, as ghp-import does
/// for GitHub Pages: one fresh commit on top of the branch's history whose tree is exactly
/// the site's files (plus `.nojekyll`, so GitHub Pages serves every file as it is, and the
/// branch's `CNAME` when the site has none). Nothing is committed when the tree is the
/// same as the branch's. The work happens in a scratch repository with its own index; the
/// target is touched only by the final push, which git applies whole or not at all.
enum GitPublisher {
    static func publish(_ site: SiteFiles, to remote: String, branch: String, meter: BuildProgress? = nil) throws -> PublishReport {
        guard branch.range(of: "^[A-Za-z0-9._/-]+$", options: .regularExpression) != nil, !branch.contains(".."),
              !branch.hasPrefix("-"), !branch.hasSuffix("/"), !branch.hasSuffix(".lock") else {
            throw PublishRefusal(problems: ["\(branch): not a branch name git accepts (letters, digits, . _ / -)"])
        }
        let scratch = NSTemporaryDirectory() + "dossier-publish-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { FileTree.remove(scratch) }
        let repository = scratch + "/repository.git"
        let git = Git(repository: repository, index: scratch + "/index")
        _ = try git.run(["init", "-q", "--bare", repository], inRepository: false)
        let ref = "refs/heads/" + branch
        var parent: String?
        let listed = try git.run(["ls-remote", "--", remote, ref])
        if !listed.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            _ = try git.run(["fetch", "-q", "--no-tags", "--", remote, "+" + ref + ":" + ref])
            parent = try git.run(["rev-parse", "--verify", ref + "^{commit}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        meter?.begin("adding \(site.files.count) files to git")
        // The site's files into the index: through git's own walk of the folder (it never
        // takes a `.git`), with no ignore rules of the user's.
        _ = try git.run(["--work-tree=" + site.root, "-c", "core.excludesFile=/dev/null", "add", "-A", "-f", "--", "."])
        let paths = Set(site.files.map(\.path))
        if !paths.contains(".nojekyll") {
            let empty = try git.run(["hash-object", "-w", "--stdin"], input: "").trimmingCharacters(in: .whitespacesAndNewlines)
            _ = try git.run(["update-index", "--add", "--cacheinfo", "100644," + empty + ",.nojekyll"])
        }
        if let parent, !paths.contains("CNAME") {
            let entry = try git.run(["ls-tree", parent, "--", "CNAME"]).split(separator: "\t").first
            if let fields = entry?.split(separator: " "), fields.count == 3 {
                _ = try git.run(["update-index", "--add", "--cacheinfo", fields[0] + "," + fields[2] + ",CNAME"])
            }
        }
        let tree = try git.run(["write-tree"]).trimmingCharacters(in: .whitespacesAndNewlines)
        var changed = paths.count
        if let parent {
            let parentTree = try git.run(["rev-parse", parent + "^{tree}"]).trimmingCharacters(in: .whitespacesAndNewlines)
            if parentTree == tree { return PublishReport(files: site.files.count, changed: 0, removed: 0, commit: nil) }
            changed = try git.run(["diff-tree", "-r", "--name-only", "--no-commit-id", parent, tree])
                .split(separator: "\n").count
        }
        var arguments = ["commit-tree", tree, "-m", "Publish the dossier: \(site.files.count) files"]
        if let parent { arguments += ["-p", parent] }
        let commit = try git.run(arguments).trimmingCharacters(in: .whitespacesAndNewlines)
        meter?.begin("pushing to \(remote)")
        _ = try git.run(["push", "-q", "--", remote, commit + ":" + ref])
        return PublishReport(files: site.files.count, changed: changed, removed: 0, commit: commit)
    }
}

/// Runs git on the scratch repository and its index; a failure is a `PublishRefusal` with
/// what git said.
struct Git {
    var repository: String
    var index: String

    func run(_ arguments: [String], input: String? = nil, inRepository: Bool = true) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + (inRepository ? ["--git-dir=" + repository] : []) + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_INDEX_FILE"] = index
        environment["GIT_TERMINAL_PROMPT"] = "0"
        // A commit needs a name; the user's own is used when git has one.
        for (key, value) in ["GIT_AUTHOR_NAME": "Dossier", "GIT_AUTHOR_EMAIL": "dossier@localhost",
                             "GIT_COMMITTER_NAME": "Dossier", "GIT_COMMITTER_EMAIL": "dossier@localhost"]
        where environment[key] == nil && !Git.hasIdentity {
            environment[key] = value
        }
        process.environment = environment
        // What git says goes to a file: two pipes read one after the other could block.
        let errorsPath = index + ".errors"
        _ = FileManager.default.createFile(atPath: errorsPath, contents: nil)
        guard let errors = FileHandle(forWritingAtPath: errorsPath) else { throw WriteError(path: errorsPath, code: errno) }
        defer { try? errors.close() }
        let output = Pipe(), standardInput = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = standardInput
        do { try process.run() } catch {
            throw PublishRefusal(problems: ["cannot run git (\(error.localizedDescription)); install it, e.g. apt-get install git"])
        }
        if let input { standardInput.fileHandleForWriting.write(Data(input.utf8)) }
        try? standardInput.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let said = ((try? String(contentsOfFile: errorsPath, encoding: .utf8)) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            throw PublishRefusal(problems: ["git \(arguments.first ?? "") failed: \(said.isEmpty ? "exit \(process.terminationStatus)" : said)"])
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Whether git is set up with a name and address of the user's.
    static let hasIdentity: Bool = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "config", "user.email"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()
}
