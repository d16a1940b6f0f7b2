import ArgumentParser
import DossierKit
import Foundation

@main
struct Dossier: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dossier",
        abstract: "Turn a folder of news articles into an annotated research dossier (a static site).",
        subcommands: [Build.self, Check.self, Serve.self, ImportCommand.self, PublishCommand.self, ExportCommand.self],
        defaultSubcommand: Build.self
    )
}

struct Paths: ParsableArguments {
    @Option(help: "The content folder (articles/, entities/, site.yml).")
    var content = "content"

    @Option(help: "The theme folder (*.mustache and assets/).")
    var templates = "templates"
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build the site into the output folder.")

    @OptionGroup var paths: Paths

    @Option(help: "Where the site is written; replaced in one step, only when the build succeeds.")
    var output = "public"

    @Flag(help: ArgumentHelp("Replace the contents of an output folder that no build wrote.",
                             discussion: "Without it such a folder is refused and nothing is deleted. Hidden files (.git, .nojekyll) and CNAME are kept either way."))
    var clean = false

    @Flag(help: "Build the articles marked draft: true too (those with a date).")
    var drafts = false

    @Flag(name: .shortAndLong, help: "Print each stage and the ambiguity warnings.")
    var verbose = false

    @Flag(name: .shortAndLong, help: "No progress line (shown on a terminal only, and not with --verbose).")
    var quiet = false

    func run() throws {
        let options = BuildOptions(content: paths.content, templates: paths.templates, output: output, clean: clean, drafts: drafts)
        let meter = BuildProgress()
        let display = ProgressDisplay(meter, enabled: !quiet && !verbose)
        do {
            let report: BuildReport
            do {
                defer { display.stop() }
                report = try SiteBuilder.build(options, meter: meter) { message in
                    if verbose { Terminal.status(message) }
                }
            }
            if verbose {
                for warning in report.warnings { Terminal.status(warning.description) }
            } else {
                // Always shown: an article missing from the site must not go unnoticed.
                for warning in report.draftsLeftOut { Terminal.status(warning.description) }
            }
            if verbose {
                Terminal.status(report.stages.map { "\($0.0) \(String(format: "%.2f", $0.1))s" }.joined(separator: ", ")
                                + " (allocator: mimalloc \(Allocator.mimallocVersion))")
            } else if report.warnings.count > report.draftsLeftOut.count {
                let count = report.warnings.count - report.draftsLeftOut.count
                let more = report.draftsLeftOut.isEmpty ? "" : " more"
                Terminal.status("\(count)\(more) warning\(count == 1 ? "" : "s") (see dossier check)")
            }
            print("built \(report.pages) pages from \(report.articles) articles, \(report.entities) entities, "
                  + "\(report.mentions) mentions into \(output)/ in \(String(format: "%.2f", report.seconds)) s")
        } catch let errors as ContentErrors {
            Terminal.status(errors.description)
            Terminal.status("build failed; \(output)/ was left as it was")
            throw ExitCode(1)
        } catch let refusal as OutputRefusal {
            Terminal.status("error: \(refusal)")
            throw ExitCode(1)
        } catch {
            Terminal.status("error: \(error)")
            throw ExitCode(1)
        }
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Report every problem of the content, with file and line; exit 1 if any is an error.")

    @OptionGroup var paths: Paths

    @Flag(help: "Also list names in the articles that the registry lacks (candidate people and places).")
    var suggest = false

    @Flag(help: "Check the articles marked draft: true too.")
    var drafts = false

    @Flag(help: ArgumentHelp("List the statements found, as JSON (for the evaluation).", visibility: .hidden))
    var statements = false

    @Flag(help: ArgumentHelp("List the figures found, as JSON (for the evaluation).", visibility: .hidden))
    var figures = false

    func run() throws {
        let analysis = SiteBuilder.analyse(contentDirectory: paths.content, drafts: drafts)
        if statements || figures {
            print(ResearchListing.json(analysis, statements: statements, figures: figures))
            return
        }
        var diagnostics = analysis.diagnostics
        if case .failure(let errors) = Theme.load(directory: paths.templates) { diagnostics += errors.diagnostics }
        for diagnostic in Diagnostic.sorted(diagnostics) { print(diagnostic) }
        let variants = VariantReport.report(analysis)
        if !variants.isEmpty { print(variants) }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        print("\(analysis.content.articles.count) articles, \(analysis.content.registry.entities.count) entities: "
              + "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
        if suggest { print(NameSuggester.report(analysis.content)) }
        if errors > 0 { throw ExitCode(1) }
    }
}

enum Terminal {
    static func status(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
