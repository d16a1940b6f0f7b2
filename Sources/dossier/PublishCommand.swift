import ArgumentParser
import DossierKit
import Foundation

struct PublishCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Publish the built site: commit it to a git branch, or mirror it into a folder.",
        discussion: """
            First checks the site against the host's limits (--host) and publishes nothing if any \
            file or total would be refused. --git makes one new commit on top of the branch with \
            exactly the site's files (plus .nojekyll, and the branch's CNAME when the site has none) \
            and pushes it; nothing is committed when nothing changed. --dir copies new and changed \
            files and removes those an earlier publish put there that the site no longer has.
            """)

    @Option(help: "The built site.")
    var site = "public"

    @Option(help: "A git repository (URL or path) to push the site to.")
    var git: String?

    @Option(help: "The branch the site is committed to (with --git).")
    var branch = "gh-pages"

    @Option(help: "A folder to mirror the site into.")
    var dir: String?

    @Option(help: "The host whose limits are checked: \(StaticHost.allCases.map(\.rawValue).joined(separator: ", ")).")
    var host = "generic"

    @OptionGroup var paths: Paths

    @Flag(name: .shortAndLong, help: "No progress line (shown on a terminal only).")
    var quiet = false

    func validate() throws {
        guard (git == nil) != (dir == nil) else { throw ValidationError("give one of --git URL or --dir PATH") }
        guard StaticHost(rawValue: host) != nil else {
            throw ValidationError("unknown host \"\(host)\"; one of \(StaticHost.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    func run() throws {
        let target: PublishOptions.Target = git.map { .git($0, branch: branch) } ?? .folder(dir!)
        let options = PublishOptions(site: site, target: target, host: StaticHost(rawValue: host)!,
                                     content: paths.content, templates: paths.templates)
        let meter = BuildProgress()
        let display = ProgressDisplay(meter, enabled: !quiet)
        do {
            let report: PublishReport
            do {
                defer { display.stop() }
                report = try SitePublisher.publish(options, meter: meter)
            }
            switch target {
            case .git(let remote, let branch):
                if let commit = report.commit {
                    print("published \(report.files) files to \(remote) \(branch): commit \(commit.prefix(12)), \(report.changed) changed")
                } else {
                    print("nothing to publish: \(remote) \(branch) already holds this site")
                }
            case .folder(let folder):
                print("published \(report.files) files to \(folder)/: \(report.changed) copied, \(report.removed) removed")
            }
        } catch let refusal as PublishRefusal {
            Terminal.status(refusal.description)
            throw ExitCode(1)
        } catch let refusal as OutputRefusal {
            Terminal.status("error: \(refusal)")
            throw ExitCode(1)
        }
    }
}
