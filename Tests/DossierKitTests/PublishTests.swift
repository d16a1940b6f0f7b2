import Foundation
import Testing
@testable import DossierKit

/// `dossier publish` into a real bare git repository and a real folder; host checks that
/// refuse publish nothing.
@Suite(.serialized) struct PublishTests {
    func git(_ arguments: [String], in directory: String) throws -> String {
        let (status, output) = try runCommand(["git", "-C", directory] + arguments)
        guard status == 0 else { throw PublishRefusal(problems: ["git \(arguments) failed"]) }
        return output
    }

    func build(_ root: String) throws {
        try SiteBuilder.build(BuildOptions(content: root + "/content", templates: root + "/templates", output: root + "/public"))
    }

    func options(_ root: String, _ target: PublishOptions.Target, host: StaticHost = .generic) -> PublishOptions {
        PublishOptions(site: root + "/public", target: target, host: host, content: root + "/content", templates: root + "/templates")
    }

    func siteFiles(_ root: String) -> Set<String> { Set(SiteFiles(root: root + "/public").files.map(\.path)) }

    @Test func gitBranchHoldsExactlyTheSiteAndASecondPublishTouchesOnlyWhatChanged() throws {
        let root = try seedWorkspace("publish")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let remote = root + "/remote.git"
        _ = try git(["init", "-q", "--bare", remote], in: root)
        try build(root)
        let first = try SitePublisher.publish(options(root, .git(remote, branch: "gh-pages")))
        let tree = Set(try git(["ls-tree", "-r", "--name-only", "gh-pages"], in: remote).split(separator: "\n").map(String.init))
        #expect(tree == siteFiles(root).union([".nojekyll"]))
        #expect(first.commit != nil)
        // Byte for byte.
        let home = try git(["show", "gh-pages:index.html"], in: remote)
        #expect(home == (try String(contentsOfFile: root + "/public/index.html", encoding: .utf8)))

        // Nothing changed: no commit.
        #expect(try SitePublisher.publish(options(root, .git(remote, branch: "gh-pages"))).commit == nil)

        // One article changed: one commit on top, touching only the files that changed.
        let article = root + "/content/articles/2024-11-02-kim-blair-ottawa-talks.md"
        try (try String(contentsOfFile: article, encoding: .utf8) + "\nएक नया वाक्य।\n").write(toFile: article, atomically: true, encoding: .utf8)
        let before = Dictionary(uniqueKeysWithValues: SiteFiles(root: root + "/public").files.map { ($0.path, $0.modified) })
        try build(root)
        let rebuilt = SiteFiles(root: root + "/public").files.filter { before[$0.path] != $0.modified }.map(\.path)
        let second = try #require(try SitePublisher.publish(options(root, .git(remote, branch: "gh-pages"))).commit)
        #expect(try git(["rev-parse", "gh-pages~1"], in: remote).trimmingCharacters(in: .whitespacesAndNewlines) == first.commit)
        let touched = Set(try git(["diff", "--name-only", "gh-pages~1", "gh-pages"], in: remote).split(separator: "\n").map(String.init))
        #expect(!touched.isEmpty && touched.isSubset(of: Set(rebuilt)))
        #expect(touched.contains("articles/2024-11-02-kim-blair-ottawa-talks/index.html"))
        #expect(try git(["rev-parse", "gh-pages"], in: remote).hasPrefix(second))
    }

    @Test func theBranchsCNAMEIsKeptAndAFailedPushLeavesTheTargetAsItWas() throws {
        let root = try seedWorkspace("publish")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let remote = root + "/remote.git", clone = root + "/clone"
        _ = try git(["init", "-q", "--bare", remote], in: root)
        // A branch with a CNAME of its own, as GitHub's settings page makes it.
        _ = try git(["init", "-q", clone], in: root)
        try "dossier.example.org\n".write(toFile: clone + "/CNAME", atomically: true, encoding: .utf8)
        _ = try git(["add", "CNAME"], in: clone)
        _ = try git(["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "cname"], in: clone)
        _ = try git(["push", "-q", remote, "HEAD:refs/heads/gh-pages"], in: clone)
        try build(root)
        _ = try SitePublisher.publish(options(root, .git(remote, branch: "gh-pages")))
        #expect(try git(["show", "gh-pages:CNAME"], in: remote) == "dossier.example.org\n")
        let tip = try git(["rev-parse", "gh-pages"], in: remote)

        // A remote that refuses every push.
        let hook = remote + "/hooks/pre-receive"
        try "#!/bin/sh\nexit 1\n".write(toFile: hook, atomically: true, encoding: .utf8)
        chmod(hook, 0o755)
        try "x".write(toFile: root + "/public/new.txt", atomically: true, encoding: .utf8)
        #expect(throws: PublishRefusal.self) { try SitePublisher.publish(options(root, .git(remote, branch: "gh-pages"))) }
        #expect(try git(["rev-parse", "gh-pages"], in: remote) == tip)
        #expect(throws: PublishRefusal.self) { try SitePublisher.publish(options(root, .git(remote, branch: "--upload-pack=x"))) }
    }

    @Test func aFolderMirrorsTheSiteLeavingUnchangedFilesAndWhatItDidNotWrite() throws {
        let root = try seedWorkspace("publish")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let target = root + "/www"
        writeFiles(["www/server-status.html": "mine\n", "www/.htaccess": "Options -Indexes\n"], under: root)
        try build(root)
        let first = try SitePublisher.publish(options(root, .folder(target)))
        #expect(first.changed == first.files)
        #expect(Set(SiteFiles(root: target).files.map(\.path)) == siteFiles(root).union(["server-status.html", ".htaccess"]))
        for file in SiteFiles(root: root + "/public").files {
            #expect(FileManager.default.contents(atPath: target + "/" + file.path) == FileManager.default.contents(atPath: root + "/public/" + file.path))
        }
        func inode(_ path: String) -> UInt64 { var info = stat(); _ = lstat(path, &info); return UInt64(info.st_ino) }
        let css = inode(target + "/assets/style.css")

        // An article deleted: its page goes from the folder, unchanged files stay untouched.
        let id = "2024-11-02-kim-blair-ottawa-talks"
        try FileManager.default.removeItem(atPath: root + "/content/articles/\(id).md")
        try build(root)
        let second = try SitePublisher.publish(options(root, .folder(target)))
        #expect(second.removed >= 1)
        #expect(!FileManager.default.fileExists(atPath: target + "/articles/\(id)"))
        #expect(inode(target + "/assets/style.css") == css)
        #expect(second.changed < second.files)
        #expect(FileManager.default.fileExists(atPath: target + "/server-status.html") && FileManager.default.fileExists(atPath: target + "/.htaccess"))
        // Never into the site, the content, or the project.
        for bad in [root + "/public", root + "/public/www", root + "/content", root] {
            #expect(throws: (any Error).self, "\(bad)") { try SitePublisher.publish(options(root, .folder(bad))) }
        }
    }

    @Test func aHostThatWouldRefuseTheSiteGetsNothing() throws {
        let root = try seedWorkspace("publish")
        defer { try? FileManager.default.removeItem(atPath: root) }
        try build(root)
        // 26 MiB: over Cloudflare's 25 MiB per file, under GitHub's 100 MB.
        #expect(FileManager.default.createFile(atPath: root + "/public/big.bin", contents: Data(count: 26 * 1_048_576)))
        let error = #expect(throws: PublishRefusal.self) {
            try SitePublisher.publish(options(root, .folder(root + "/www"), host: .cloudflarePages))
        }
        #expect(error?.problems.first?.hasPrefix("big.bin: ") == true)
        #expect(!FileManager.default.fileExists(atPath: root + "/www"))
        #expect(StaticHost.githubPages.problems(with: SiteFiles(root: root + "/public")).isEmpty)
        // One problem, the file; without it the site passes.
        #expect(StaticHost.cloudflarePages.problems(with: SiteFiles(root: root + "/public")).count == 1)
        try FileManager.default.removeItem(atPath: root + "/public/big.bin")
        #expect(StaticHost.cloudflarePages.problems(with: SiteFiles(root: root + "/public")).isEmpty)
        // A folder no build wrote is no site.
        #expect(throws: PublishRefusal.self) {
            try SitePublisher.publish(PublishOptions(site: root + "/content", target: .folder(root + "/www2"), content: root + "/content", templates: root + "/templates"))
        }
    }
}
